package io.newsflow.core.config;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Client settings that more than one stage needs, derived from one place. */
public final class KafkaClients {

    /** Room for the record envelope and headers on top of the page body. */
    private static final int ENVELOPE_BYTES = 256 * 1024;

    private KafkaClients() {
    }

    /**
     * Settings of a producer that publishes pages or records derived from them: idempotent, zstd,
     * and allowed to send one page of the configured maximum size, JSON-escaped.
     */
    public static Properties pageProducer(Properties base, int pageMaxBytes) {
        Properties props = new Properties();
        props.putAll(base);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(maxMessageBytes(pageMaxBytes)));
        return props;
    }

    /**
     * The largest record a page-carrying topic must accept: a page's HTML may grow when escaped
     * into JSON, so allow twice the cap plus the envelope.
     */
    public static int maxMessageBytes(int pageMaxBytes) {
        return 2 * pageMaxBytes + ENVELOPE_BYTES;
    }
}
