package io.newsflow.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

    @Test
    void anOperatorsCodecAndLingerWinOverTheDefaults() {
        Properties operator = new Properties();
        operator.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        operator.put(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG, "9");
        operator.put(ProducerConfig.LINGER_MS_CONFIG, "5");

        ProducerConfig config = effective(KafkaClients.pageProducer(operator, CommonConfig.DEFAULT_PAGE_MAX_BYTES));

        assertEquals("lz4", config.getString(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        assertEquals(9, config.getInt(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG));
        assertEquals(5L, config.getLong(ProducerConfig.LINGER_MS_CONFIG));
    }

    @Test
    void withoutOperatorValuesPagesAreZstdCompressedAtLevelOne() {
        ProducerConfig config = effective(KafkaClients.pageProducer(new Properties(), CommonConfig.DEFAULT_PAGE_MAX_BYTES));

        assertEquals("zstd", config.getString(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        assertEquals(1, config.getInt(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG));
        assertEquals(KafkaClients.maxMessageBytes(CommonConfig.DEFAULT_PAGE_MAX_BYTES),
                config.getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
    }

    @Test
    void deliveryStaysIdempotentWhateverTheOperatorSets() {
        Properties operator = new Properties();
        operator.put(ProducerConfig.ACKS_CONFIG, "1");
        operator.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");

        ProducerConfig config = effective(KafkaClients.producer(operator));

        assertEquals("-1", config.getString(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
    }

    /** The settings as a real producer would resolve them. */
    private static ProducerConfig effective(Properties props) {
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.StringSerializer");
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.StringSerializer");
        return new ProducerConfig(props);
    }
}
