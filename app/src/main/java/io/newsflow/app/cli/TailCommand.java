package io.newsflow.app.cli;

import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonQuery;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.topic.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsflow tail}: follows {@code newsflow.articles} from a terminal, one line per article.
 * It reads without a consumer group, so it commits nothing and never takes partitions from the sink.
 */
@Command(name = "tail",
        mixinStandardHelpOptions = true,
        description = "Follow enriched articles as they arrive: one line per article (time, source, title, countries, persons).")
final class TailCommand implements Callable<Integer> {

    /** Stories {@code --distinct story} remembers: a few days of a large crawl, some MB. */
    private static final int STORIES_REMEMBERED = 100_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--country", paramLabel = "CODE",
            description = "Only articles mentioning this country: ISO code (KP) or name (North Korea).")
    private String country;

    @Option(names = "--person", paramLabel = "NAME", converter = PersonQueryConverter.class,
            description = "Only articles mentioning this person: entity id (person:kim-jong-un), any form of a full name "
                    + "(\"Kim Jong-un\", \"President Donald J. Trump\") or a bare name (\"Trump\": anyone of that surname).")
    private PersonQuery person;

    @Option(names = "--from-beginning", description = "Start at the oldest article the topic keeps instead of the newest.")
    private boolean fromBeginning;

    @Option(names = "--json", description = "Print each article as one line of JSON (the article/1 schema).")
    private boolean json;

    @Option(names = "--distinct", paramLabel = "story",
            description = "story: one article per story, the first seen of each (syndicated copies of it are skipped).")
    private String distinct;

    @Option(names = "--limit", paramLabel = "N", description = "Exit after N matching articles (default: follow until Ctrl-C).")
    private Integer limit;

    @Mixin
    private ClusterOptions cluster;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, was " + limit);
        }
        if (distinct != null && !distinct.equals("story")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--distinct must be 'story', was '" + distinct + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Properties props = clientProperties();
        String bootstrap = props.getProperty("bootstrap.servers");
        CountDownLatch finished = new CountDownLatch(1);
        try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(props,
                Topics.ARTICLES.keySerde().deserializer(), Topics.ARTICLES.valueSerde().deserializer())) {
            Thread hook = new Thread(() -> {
                consumer.wakeup();
                awaitQuietly(finished);
            }, "newsflow-tail-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return follow(consumer, out, err, bootstrap);
            } finally {
                finished.countDown();
                removeHook(hook);
            }
        }
    }

    private int follow(KafkaConsumer<String, Article> consumer, PrintWriter out, PrintWriter err, String bootstrap) {
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.ARTICLES.name());
            if (infos == null || infos.isEmpty()) {
                err.println("tail: topic " + Topics.ARTICLES.name() + " does not exist on " + bootstrap + " (is newsflow running?)");
                return 1;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            int shown = 0;
            ShownStories stories = distinct == null ? null : new ShownStories(STORIES_REMEMBERED);
            while (true) {
                for (ConsumerRecord<String, Article> record : consumer.poll(Duration.ofMillis(500))) {
                    Article article = record.value();
                    if (article == null || !matches(article) || stories != null && !stories.firstOfStory(article)) {
                        continue;
                    }
                    out.println(json ? json(article) : line(article));
                    out.flush();
                    if (limit != null && ++shown >= limit) {
                        return 0;
                    }
                }
            }
        } catch (WakeupException e) {
            return 0;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            err.println("tail: cannot reach Kafka at " + bootstrap + ": " + e.getMessage());
            return 1;
        } catch (KafkaException e) {
            err.println("tail: " + e.getMessage());
            return 1;
        }
    }

    private Properties clientProperties() {
        NewsflowConfig config = cluster.load();
        Properties props = config.kafkaClientProperties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-tail");
        // fail within seconds when no broker answers instead of waiting a minute
        props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return props;
    }

    boolean matches(Article article) {
        if (country != null && article.countries().stream()
                .noneMatch(c -> c.code().equalsIgnoreCase(country) || c.name().equalsIgnoreCase(country))) {
            return false;
        }
        return person == null || article.persons().stream().anyMatch(person::matches);
    }

    /** The readable line: time (published, else fetched), source, title, country codes, person names. */
    static String line(Article article) {
        Instant time = article.publishedAt() != null ? article.publishedAt() : article.fetchedAt();
        String countries = article.countries().stream().map(CountryTag::code).collect(Collectors.joining(","));
        String persons = article.persons().stream().map(PersonTag::name).map(TailCommand::printable)
                .collect(Collectors.joining(", "));
        return TIME.format(time) + "  " + printable(article.source()) + "  " + printable(article.title())
                + "  [" + countries + "]  [" + persons + "]";
    }

    /** Strips control characters, so a crafted title cannot move the cursor or recolour the terminal. */
    static String printable(String text) {
        return text.replaceAll("[\\p{Cntrl}\\p{Cf}]+", " ").strip();
    }

    private static String json(Article article) {
        return new String(JsonCodec.encode(article), StandardCharsets.UTF_8);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running and waits for us
        }
    }
}
