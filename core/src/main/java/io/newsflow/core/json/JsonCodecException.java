package io.newsflow.core.json;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A document that cannot be encoded or decoded. Extends Kafka's {@link SerializationException} so
 * clients and Streams handlers treat it as a poison record, not as a bug.
 */
public final class JsonCodecException extends SerializationException {

    public JsonCodecException(String message) {
        super(message);
    }

    public JsonCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
