package io.newsflow.app.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.app.broker.TopicBootstrap;
import io.newsflow.app.broker.TopicSettings;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.Topics;
import io.newsflow.ingest.replay.WarcReplayer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsflow replay FILE.warc[.gz]...}: publish archived HTML responses as raw pages. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Publish the HTML responses of WARC files (e.g. CC-NEWS) to newsflow.pages, to backfill through enrichment.")
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    private ConfigOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "WARC files, plain or gzipped (.warc, .warc.gz).")
    private List<Path> files;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "no such WARC file: " + file);
            }
        }
        NewsflowConfig config = options.load();
        int pageMaxBytes = config.parse(CommonConfig.DEFINITION).getInt(CommonConfig.PAGE_MAX_BYTES);
        Properties kafka = config.kafkaClientProperties();
        TopicBootstrap.ensureTopics(kafka, TopicSettings.of(config));
        long published = 0;
        long skipped = 0;
        long broken = 0;
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaProducer<String, Page> producer = new KafkaProducer<>(KafkaClients.pageProducer(kafka, pageMaxBytes),
                Topics.PAGES.keySerde().serializer(), Topics.PAGES.valueSerde().serializer())) {
            WarcReplayer replayer = new WarcReplayer(producer, pageMaxBytes, new SimpleMeterRegistry());
            for (Path file : files) {
                WarcReplayer.Summary summary = replayer.replay(file);
                published += summary.published();
                skipped += summary.skipped();
                broken += summary.broken();
            }
        }
        out.printf("{\"files\":%d,\"published\":%d,\"skipped\":%d,\"broken\":%d}%n", files.size(), published, skipped, broken);
        out.flush();
        return 0;
    }
}
