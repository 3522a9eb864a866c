package io.newsflow.app.cli;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.topic.DeadLetterHeaders;
import io.newsflow.core.topic.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow dlq list|replay}: inspect dead letters and re-inject them into their source topic. */
@Command(name = "dlq",
        mixinStandardHelpOptions = true,
        description = "Inspect the dead letters in newsflow.dead-letters and re-inject them into their source topic.",
        subcommands = {DlqCommand.ListCommand.class, DlqCommand.ReplayCommand.class})
final class DlqCommand implements Runnable {

    /** Reading stops at the end offsets taken at the start; this bounds a read that makes no progress. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list or replay");
    }

    /** Options both subcommands share. */
    static final class Selection {

        @Mixin
        ClusterOptions cluster;

        @Option(names = "--since", paramLabel = "WHEN", converter = SinceConverter.class,
                description = "Only dead letters written at or after WHEN: an instant (2026-11-28T17:00:00Z) or an age (15m, 2h, 7d). Default: all retained.")
        @Nullable Instant since;

        @Option(names = "--stage", paramLabel = "STAGE", description = "Only dead letters of this stage (ingest, enrich, sink).")
        @Nullable String stage;

        boolean selects(ConsumerRecord<byte[], byte[]> record) {
            return stage == null || stage.equals(header(record, DeadLetterHeaders.STAGE));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print one JSON line per dead letter: where it came from and why it failed.")
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        Selection selection;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int[] count = {0};
            read(selection.cluster.load(), selection.since, record -> {
                if (selection.selects(record)) {
                    out.println(JsonCodec.MAPPER.valueToTree(describe(record)).toString());
                    count[0]++;
                }
            });
            out.flush();
            spec.commandLine().getErr().println(count[0] + " dead letters");
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Re-inject dead letters into the topic they were read from (header " + DeadLetterHeaders.TOPIC
                    + "), with their original key, value and headers, e.g. after a fix. Re-injecting a page twice is "
                    + "harmless: enrich emits nothing for an unchanged article.")
    static final class ReplayCommand implements Callable<Integer> {

        @Mixin
        Selection selection;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            NewsflowConfig config = selection.cluster.load();
            Properties producerProps = KafkaClients.pageProducer(config.kafkaClientProperties(), pageMaxBytes(config));
            int[] replayed = {0};
            int[] skipped = {0};
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                read(config, selection.since, record -> {
                    if (!selection.selects(record)) {
                        return;
                    }
                    String topic = header(record, DeadLetterHeaders.TOPIC);
                    if (topic == null) {
                        skipped[0]++;
                        return;
                    }
                    ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(topic, null, record.key(), record.value());
                    for (Header h : record.headers()) {
                        if (!h.key().startsWith(DeadLetterHeaders.PREFIX) && !h.key().equals(DeadLetterHeaders.REPLAYED_FROM)) {
                            again.headers().add(h);
                        }
                    }
                    again.headers().add(DeadLetterHeaders.REPLAYED_FROM, (record.topic() + "-" + record.partition() + "@"
                            + record.offset()).getBytes(StandardCharsets.UTF_8));
                    producer.send(again);
                    replayed[0]++;
                });
                producer.flush();
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("replayed", replayed[0]);
            summary.put("skipped", skipped[0]);
            JsonLine.print(spec, summary);
            return 0;
        }
    }

    /**
     * Reads the committed dead letters written at or after {@code since}, up to the end offsets at
     * the start of the read, without a consumer group.
     */
    static void read(NewsflowConfig config, @Nullable Instant since, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Properties props = new Properties();
        props.putAll(config.kafkaClientProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(KafkaClients.maxMessageBytes(pageMaxBytes(config))));
        String topic = Topics.DEAD_LETTERS.name();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            if (since == null) {
                consumer.seekToBeginning(partitions);
            } else {
                Map<TopicPartition, Long> times = new HashMap<>();
                partitions.forEach(p -> times.put(p, since.toEpochMilli()));
                consumer.offsetsForTimes(times, READ_TIMEOUT).forEach((p, found) ->
                        consumer.seek(p, found == null ? end.get(p) : found.offset()));
            }
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
        }
    }

    private static Map<String, Object> describe(ConsumerRecord<byte[], byte[]> record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        line.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        line.put("stage", header(record, DeadLetterHeaders.STAGE));
        line.put("processor", header(record, DeadLetterHeaders.PROCESSOR));
        line.put("error", header(record, DeadLetterHeaders.CLASS));
        line.put("message", header(record, DeadLetterHeaders.MESSAGE));
        line.put("topic", header(record, DeadLetterHeaders.TOPIC));
        line.put("sourcePartition", number(header(record, DeadLetterHeaders.PARTITION)));
        line.put("sourceOffset", number(header(record, DeadLetterHeaders.OFFSET)));
        line.put("replayedFrom", header(record, DeadLetterHeaders.REPLAYED_FROM));
        line.put("bytes", record.value() == null ? 0 : record.value().length);
        return line;
    }

    /** A numeric header as a number; a value some other producer wrote as free text stays text. */
    private static @Nullable Object number(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static @Nullable String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static int pageMaxBytes(NewsflowConfig config) {
        return config.parse(CommonConfig.DEFINITION).getInt(CommonConfig.PAGE_MAX_BYTES);
    }
}
