package io.newsflow.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.enrich.EnrichConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichServiceTest {

    @TempDir
    Path dataDir;

    @Test
    void aBacklogOfPagesIsBufferedInFiftiesNotStreamsThousands() {
        Properties props = EnrichService.streamsConfig(config(), new Properties(), new SimpleMeterRegistry());

        assertEquals(50, props.get(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG));
        assertEquals(50, props.get(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)));
    }

    @Test
    void anOperatorsKafkaSettingWinsOverTheBound() {
        Properties kafka = new Properties();
        kafka.put(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, "200");

        Properties props = EnrichService.streamsConfig(config(), kafka, new SimpleMeterRegistry());

        assertEquals("200", props.get(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG));
    }

    @Test
    void clientIdIsTheApplicationIdSoKafkaMetricLabelsSurviveARestart() {
        Properties props = EnrichService.streamsConfig(config(), new Properties(), new SimpleMeterRegistry());

        assertEquals("enrich-service-test", props.get(StreamsConfig.CLIENT_ID_CONFIG));
    }

    @Test
    void anOperatorsClientIdWins() {
        Properties kafka = new Properties();
        kafka.put(StreamsConfig.CLIENT_ID_CONFIG, "enrich-eu-1");

        Properties props = EnrichService.streamsConfig(config(), kafka, new SimpleMeterRegistry());

        assertEquals("enrich-eu-1", props.get(StreamsConfig.CLIENT_ID_CONFIG));
    }

    @Test
    void theStreamsProducerBatchesArticlesTogetherUnlessTheOperatorSaysOtherwise() {
        Properties kafka = new Properties();
        kafka.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        StreamsConfig standard = new StreamsConfig(EnrichService.streamsConfig(config(), kafka, new SimpleMeterRegistry()));
        kafka.put(ProducerConfig.BATCH_SIZE_CONFIG, "32768");
        StreamsConfig operator = new StreamsConfig(EnrichService.streamsConfig(config(), kafka, new SimpleMeterRegistry()));

        assertEquals(256 * 1024, standard.getProducerConfigs("c").get(ProducerConfig.BATCH_SIZE_CONFIG));
        assertEquals("32768", operator.getProducerConfigs("c").get(ProducerConfig.BATCH_SIZE_CONFIG));
    }

    @Test
    void anOperatorsCompressionTypeReachesTheStreamsProducers() {
        Properties kafka = new Properties();
        kafka.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        kafka.put(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG, "9");
        kafka.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");

        StreamsConfig operator = new StreamsConfig(EnrichService.streamsConfig(config(), kafka, new SimpleMeterRegistry()));
        kafka.remove(ProducerConfig.COMPRESSION_TYPE_CONFIG);
        kafka.remove(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG);
        StreamsConfig standard = new StreamsConfig(EnrichService.streamsConfig(config(), kafka, new SimpleMeterRegistry()));

        assertEquals("lz4", operator.getProducerConfigs("c").get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        assertEquals("9", operator.getProducerConfigs("c").get(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG));
        assertEquals("zstd", standard.getProducerConfigs("c").get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        assertEquals("1", standard.getProducerConfigs("c").get(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG));
    }

    private EnrichConfig config() {
        return new EnrichConfig(NewsflowConfig.of(Map.of(CommonConfig.DATA_DIR, dataDir.toString(),
                EnrichConfig.APPLICATION_ID, "enrich-service-test")));
    }
}
