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
     * The codec of every producer of the pipeline's topics: zstd at level 1, not the client's
     * default 3. A producer starts a compression context for every batch, and a batch here is often
     * one 150 KB page: level 3 clears and walks 768 KB of match tables for it, level 1 32 KB. In a
     * profile of {@code bench replay} compression fell from 10.7% to 3.4% of the process's CPU,
     * about 1 ms per page; pages compress 4.4 times instead of 4.7.
     */
    public static Properties compression() {
        Properties props = new Properties();
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.put(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG, "1");
        return props;
    }

    /**
     * Settings of a producer of the pipeline's topics: the {@link #compression() codec} and a 20 ms
     * linger unless the operator's {@code newsflow.kafka.*} values say otherwise (they are laid over
     * these defaults), and always idempotent with acks=all, which the pipeline's no-loss,
     * no-duplicate delivery relies on.
     */
    public static Properties producer(Properties base) {
        Properties props = compression();
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.putAll(base);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    /**
     * Settings of a producer that publishes pages or records derived from them: a
     * {@link #producer(Properties) producer} allowed to send one page of the configured maximum
     * size, re-encoded as UTF-8.
     */
    public static Properties pageProducer(Properties base, int pageMaxBytes) {
        Properties props = producer(base);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(maxMessageBytes(pageMaxBytes)));
        return props;
    }

    /**
     * The largest record a page-carrying topic must accept: a page's HTML may grow when re-encoded
     * as UTF-8 (a one-byte charset's non-ASCII letters take two bytes), so allow twice the cap plus
     * the envelope.
     */
    public static int maxMessageBytes(int pageMaxBytes) {
        return 2 * pageMaxBytes + ENVELOPE_BYTES;
    }
}
