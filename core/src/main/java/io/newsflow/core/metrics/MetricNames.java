package io.newsflow.core.metrics;

import io.newsflow.core.record.FetchOutcome;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue of newsflow metrics: each metric once, with its kind, base unit, HELP text and tag
 * keys. A metric exists only by being defined here ({@link #catalogue()}); {@link CatalogueFilter}
 * gives every registration its HELP text and unit from this definition and refuses a
 * {@code newsflow.} meter that is not here, or that carries other tags. Tags are bounded:
 * {@code outcome}, {@code stage}, a fixed reason word, a configured source name, never a URL.
 * The metric table in docs/operations.md is generated from this catalogue (a test keeps the two equal).
 */
public final class MetricNames {

    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_STAGE = "stage";
    public static final String TAG_REASON = "reason";
    public static final String TAG_TOPIC = "topic";
    public static final String TAG_STEP = "step";
    public static final String TAG_GROUP = "group";
    public static final String TAG_FIELD = "field";
    public static final String TAG_CHECK = "check";
    public static final String TAG_SOURCE = "source";
    public static final String TAG_STATUS = "status";

    // before the definitions: their static initialisers add to it
    private static final Map<String, MetricDefinition> CATALOGUE = new LinkedHashMap<>();

    public static final String FETCH_PAGES = define("newsflow.fetch.pages", MetricKind.COUNTER, null,
            "Fetch attempts by outcome: " + Arrays.stream(FetchOutcome.values()).map(FetchOutcome::tag)
                    .collect(Collectors.joining(", "))
                    + "; ok, not_modified and unchanged count as fetched, the rest as errors.",
            TAG_OUTCOME);
    public static final String FETCH_BYTES = define("newsflow.fetch.bytes", MetricKind.COUNTER, "bytes",
            "Response body bytes fetched.");
    public static final String FETCH_LATENCY = define("newsflow.fetch.latency", MetricKind.TIMER, null,
            "Fetch latency, request sent to last byte read.");
    public static final String FETCH_SKIPPED = define("newsflow.fetch.skipped", MetricKind.COUNTER, null,
            "Links not fetched, by reason: known (fetched and not due), robots (disallowed by robots.txt),"
                    + " robots_unavailable (robots.txt failing), unreadable (a links record that does not decode).",
            TAG_REASON);
    public static final String FETCH_TRUNCATED = define("newsflow.fetch.truncated", MetricKind.COUNTER, null,
            "Pages published with their body cut at newsflow.page.max.bytes.");
    public static final String FETCH_QUEUE_URLS = define("newsflow.fetch.queue.urls", MetricKind.GAUGE, null,
            "Links waiting in this instance's host queues.");
    public static final String FETCH_QUEUE_HOSTS = define("newsflow.fetch.queue.hosts", MetricKind.GAUGE, null,
            "Hosts with links waiting in this instance's queues.");
    public static final String FETCH_QUEUE_HOST_MAX = define("newsflow.fetch.queue.host.max", MetricKind.GAUGE, null,
            "Links waiting in the deepest host queue (per-host depth without a host tag).");
    public static final String FETCH_BACKLOG_HOSTS = define("newsflow.fetch.backlog.hosts", MetricKind.GAUGE, null,
            "Hosts with more links than newsflow.ingest.fetch.queue.host.max: the rest wait in newsflow.links, read again as the host drains.");
    public static final String FETCH_POLITENESS_WAIT = define("newsflow.fetch.politeness.wait", MetricKind.TIMER, null,
            "How long a link waited in its host queue: politeness delay, crawl-delay, Retry-After, back-off.");
    public static final String SOURCE_POLLS = define("newsflow.source.polls", MetricKind.COUNTER, null,
            "Source polls (feeds, sitemaps, listings) by outcome, one of the fetch outcomes of newsflow_fetch_pages_total.",
            TAG_OUTCOME);
    public static final String SOURCE_CONFIGURED = define("newsflow.source.configured", MetricKind.GAUGE, null,
            "Sources (feeds, sitemaps, listings) this ingest instance polls.");
    public static final String SOURCE_FAILING = define("newsflow.source.failing", MetricKind.GAUGE, null,
            "Sources whose last poll failed and that are backing off.");
    public static final String SOURCE_STATUS = define("newsflow.source.status", MetricKind.GAUGE, null,
            "Health of a configured source: 1 for its current status (ok, quiet, silent, failing, blocked), 0 for the others.",
            TAG_SOURCE, TAG_STATUS);
    public static final String SOURCE_LAST_POLL = define("newsflow.source.last.poll", MetricKind.GAUGE, "seconds",
            "When a configured source was last polled, in seconds since the epoch.",
            TAG_SOURCE);
    public static final String SOURCE_ERROR_STREAK = define("newsflow.source.error.streak", MetricKind.GAUGE, null,
            "Failed polls of a configured source in a row.",
            TAG_SOURCE);
    public static final String LINKS_DISCOVERED = define("newsflow.links.discovered", MetricKind.COUNTER, null,
            "URLs the sources found, by outcome: published to newsflow.links, known (already known), invalid.",
            TAG_OUTCOME);
    public static final String REPLAY_RECORDS = define("newsflow.replay.records", MetricKind.COUNTER, null,
            "WARC records read by newsflow replay, by outcome: published, not_ok, not_html, not_response, broken.",
            TAG_OUTCOME);
    public static final String ENRICH_RECORDS = define("newsflow.enrich.records", MetricKind.COUNTER, null,
            "Pages the enrich stage processed, by outcome: article, unchanged, not_article, superseded.",
            TAG_OUTCOME);
    public static final String ENRICH_RECORDS_IN = define("newsflow.enrich.records.in", MetricKind.COUNTER, null,
            "Pages the enrich job consumed, whatever became of them.");
    public static final String ENRICH_RECORDS_OUT = define("newsflow.enrich.records.out", MetricKind.COUNTER, null,
            "Records the enrich job produced, by topic: articles, mentions.",
            TAG_TOPIC);
    public static final String ENRICH_SKIPPED = define("newsflow.enrich.skipped", MetricKind.COUNTER, null,
            "Pages skipped as not articles, by reason: http_status, not_html, no_text, empty_record.",
            TAG_REASON);
    public static final String ENRICH_REVISITS = define("newsflow.enrich.revisits", MetricKind.COUNTER, null,
            "Revisits of recent articles scheduled to newsflow.links, to catch stealth edits.");
    public static final String ENRICH_REVISIONS = define("newsflow.enrich.revisions", MetricKind.COUNTER, null,
            "Edits of published articles published to newsflow.revisions, by changed field: title, authors, dates, paragraphs.",
            TAG_FIELD);
    public static final String ENRICH_LATENCY = define("newsflow.enrich.latency", MetricKind.TIMER, null,
            "Processing time of one page through extract, tag, version and the sinks.");
    public static final String ENRICH_STEP_DURATION = define("newsflow.enrich.step.duration", MetricKind.TIMER, null,
            "Time spent in one step of the enrich job, by step: extract, tag, story.",
            TAG_STEP);
    public static final String ENRICH_STORIES = define("newsflow.enrich.stories", MetricKind.COUNTER, null,
            "Articles the story step assigned, by outcome: first (of a new story), copy (near-duplicate of a recent article).",
            TAG_OUTCOME);
    public static final String ENRICH_LAG = define("newsflow.enrich.lag", MetricKind.TIMER_HISTOGRAM, null,
            "End-to-end lag from the page's fetch to its article's emission by the enrich stage.");
    public static final String SINK_ROWS = define("newsflow.sink.rows", MetricKind.COUNTER, null,
            "Articles the sink handled, by outcome: written, stale (older than the stored version), dead_letter.",
            TAG_OUTCOME);
    public static final String SINK_REVISIONS = define("newsflow.sink.revisions", MetricKind.COUNTER, null,
            "Article revisions the sink handled, by outcome: written, duplicate (stored before), dead_letter.",
            TAG_OUTCOME);
    public static final String SINK_RETRIES = define("newsflow.sink.retries", MetricKind.COUNTER, null,
            "Database writes retried after a failure, by reason: transient, systemic.",
            TAG_REASON);
    public static final String SINK_STORE_AVAILABLE = define("newsflow.sink.store.available", MetricKind.GAUGE, null,
            "1 while the sink's database accepts writes, 0 during an outage.");
    public static final String DEAD_LETTERS = define("newsflow.dead.letters", MetricKind.COUNTER, null,
            "Records sent to newsflow.dead-letters, by stage (ingest, enrich, sink) and reason (undecodable, processing, rejected).",
            TAG_STAGE, TAG_REASON);
    public static final String FRESHNESS = define("newsflow.freshness", MetricKind.TIMER_HISTOGRAM, null,
            "Fetch-to-stored latency of each stored article; buckets from 10 ms to 6 h, and p50, p90, p99"
                    + " (see FreshnessHistogram).");
    public static final String CONSUMER_LAG = define("newsflow.consumer.lag", MetricKind.GAUGE, "records",
            "Records a stage's consumer group has not consumed yet: end offset minus committed offset over its input"
                    + " partitions, refreshed every 2 s; NaN until the group has committed.",
            TAG_STAGE, TAG_GROUP);
    public static final String READY_CHECK = define("newsflow.ready.check", MetricKind.GAUGE, null,
            "1 while a readiness check of /ready passes, 0 while it fails, by check: broker, storage, or a stage"
                    + " this process runs (ingest, enrich, sink).",
            TAG_CHECK);

    /** Outcomes of {@link #FETCH_PAGES} that are fetches, not errors: published, or found unchanged ({@link FetchOutcome#succeeded()}). */
    public static final Set<String> FETCH_SUCCEEDED = Arrays.stream(FetchOutcome.values())
            .filter(FetchOutcome::succeeded)
            .map(FetchOutcome::tag)
            .collect(Collectors.toUnmodifiableSet());

    private MetricNames() {
    }

    /** Every metric, in the order of this class. */
    public static List<MetricDefinition> catalogue() {
        return List.copyOf(CATALOGUE.values());
    }

    /** The definition of a {@code newsflow.} metric name, if the catalogue has it. */
    public static Optional<MetricDefinition> definition(String name) {
        return Optional.ofNullable(CATALOGUE.get(name));
    }

    private static String define(String name, MetricKind kind, @Nullable String baseUnit, String help, String... labels) {
        MetricDefinition definition = new MetricDefinition(name, kind, baseUnit, help, List.of(labels));
        if (CATALOGUE.putIfAbsent(name, definition) != null) {
            throw new IllegalStateException("metric defined twice: " + name);
        }
        return name;
    }
}
