package io.newsflow.core.metrics;

import io.newsflow.core.record.FetchOutcome;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The catalogue of newsflow metrics: each name once, with its unit in the doc. Tags are bounded:
 * {@code outcome}, {@code status} class, {@code stage}, never a URL. Prometheus names replace the
 * dots with underscores and add the unit: counters end in {@code _total}, timers are exported in
 * seconds ({@code _seconds_count}, {@code _seconds_sum}, {@code _seconds_max}). The README's metric
 * table (docs/operations.md) lists every name here; a test keeps the two in step.
 */
public final class MetricNames {

    /** Counter, pages: fetch attempts, tagged {@code outcome} (a {@link FetchOutcome} tag: ok, not_modified, unchanged, http_5xx, read_timeout...). */
    public static final String FETCH_PAGES = "newsflow.fetch.pages";
    /** Counter, bytes: response body bytes fetched. */
    public static final String FETCH_BYTES = "newsflow.fetch.bytes";
    /** Timer, seconds: fetch latency, request sent to last byte read. */
    public static final String FETCH_LATENCY = "newsflow.fetch.latency";
    /** Counter, links: links not fetched, tagged {@code reason} (known, robots, robots_unavailable, unreadable). */
    public static final String FETCH_SKIPPED = "newsflow.fetch.skipped";
    /** Counter, pages: pages published with their body cut at the page cap. */
    public static final String FETCH_TRUNCATED = "newsflow.fetch.truncated";
    /** Gauge, links: links waiting in this instance's host queues. */
    public static final String FETCH_QUEUE_URLS = "newsflow.fetch.queue.urls";
    /** Gauge, hosts: hosts with links waiting in this instance's queues. */
    public static final String FETCH_QUEUE_HOSTS = "newsflow.fetch.queue.hosts";
    /** Gauge, links: links waiting in the deepest host queue (per-host depth without a host tag). */
    public static final String FETCH_QUEUE_HOST_MAX = "newsflow.fetch.queue.host.max";
    /** Timer, seconds: how long a link waited in its host queue (politeness delay, crawl-delay, back-off). */
    public static final String FETCH_POLITENESS_WAIT = "newsflow.fetch.politeness.wait";
    /** Counter, polls: source polls (feeds, sitemaps, listings), tagged {@code outcome} (a {@link FetchOutcome} tag). */
    public static final String SOURCE_POLLS = "newsflow.source.polls";
    /** Gauge, sources: sources whose last poll failed and that are backing off. */
    public static final String SOURCE_FAILING = "newsflow.source.failing";
    /** Counter, links: discovered links, tagged {@code outcome} (published, known, invalid). */
    public static final String LINKS_DISCOVERED = "newsflow.links.discovered";
    /** Counter, records: WARC records replayed, tagged {@code outcome} (published, not_ok, not_html, not_response, broken). */
    public static final String REPLAY_RECORDS = "newsflow.replay.records";
        /** Counter, records: pages the enrich stage processed, tagged {@code outcome} (article, unchanged, not_article, superseded). */
    public static final String ENRICH_RECORDS = "newsflow.enrich.records";
    /** Counter, records: pages the enrich job consumed, whatever became of them; its rate is records in per second. */
    public static final String ENRICH_RECORDS_IN = "newsflow.enrich.records.in";
    /** Counter, records: records the enrich job produced, tagged {@code topic} (articles, mentions); its rate is records out per second. */
    public static final String ENRICH_RECORDS_OUT = "newsflow.enrich.records.out";
    /** Counter, records: pages skipped as not articles, tagged {@code reason} (http_status, not_html, no_text, empty_record). */
    public static final String ENRICH_SKIPPED = "newsflow.enrich.skipped";
    /** Counter, links: revisits of recent articles scheduled to {@code newsflow.links}, to catch stealth edits. */
    public static final String ENRICH_REVISITS = "newsflow.enrich.revisits";
    /** Counter, revisions: edits of published articles published to {@code newsflow.revisions}, tagged {@code field} changed. */
    public static final String ENRICH_REVISIONS = "newsflow.enrich.revisions";
    /** Gauge: 1 for a source's current status and 0 for the others, tagged {@code source} and {@code status}. */
    public static final String SOURCE_STATUS = "newsflow.source.status";
    /** Gauge, seconds since the epoch: when a source was last polled, tagged {@code source}. */
    public static final String SOURCE_LAST_POLL = "newsflow.source.last.poll";
    /** Gauge, polls: failed polls of a source in a row, tagged {@code source}. */
    public static final String SOURCE_ERROR_STREAK = "newsflow.source.error.streak";
    /** Timer, seconds: processing latency of one page through extract, tag, version and the sinks. */
    public static final String ENRICH_LATENCY = "newsflow.enrich.latency";
    /** Timer, seconds: time spent in one step of the enrich job, tagged {@code step} (extract, tag). */
    public static final String ENRICH_STEP_DURATION = "newsflow.enrich.step.duration";
    /** Timer, seconds: end-to-end lag, from the page's fetch to its article's emission, with a histogram. */
    public static final String ENRICH_LAG = "newsflow.enrich.lag";
    /** Counter, rows: articles the sink handled, tagged {@code outcome} (written, stale: an older version than stored). */
    public static final String SINK_ROWS = "newsflow.sink.rows";
    /** Counter, retries: database writes retried after a failure, tagged {@code reason} (transient, systemic). */
    public static final String SINK_RETRIES = "newsflow.sink.retries";
    /** Gauge, boolean: 1 while the sink's database accepts writes, 0 during an outage. */
    public static final String SINK_STORE_AVAILABLE = "newsflow.sink.store.available";
    /** Counter, records: records sent to the dead-letter topic, tagged {@code stage} and {@code reason} (undecodable, processing, rejected). */
    public static final String DEAD_LETTERS = "newsflow.dead.letters";
    /**
     * Timer, seconds: fetch-to-stored latency of an article (freshness), recorded by the sink;
     * published with percentiles and a histogram, see {@link FreshnessHistogram}.
     */
    public static final String FRESHNESS = "newsflow.freshness";
    /**
     * Gauge, records: consumer lag of a stage's consumer group, summed over its input partitions
     * (end offset minus committed offset), tagged {@code stage} and {@code group}.
     */
    public static final String CONSUMER_LAG = "newsflow.consumer.lag";

    /** Outcomes of {@link #FETCH_PAGES} that are fetches, not errors: published, or found unchanged ({@link FetchOutcome#succeeded()}). */
    public static final Set<String> FETCH_SUCCEEDED = Arrays.stream(FetchOutcome.values())
            .filter(FetchOutcome::succeeded)
            .map(FetchOutcome::tag)
            .collect(Collectors.toUnmodifiableSet());

    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_STAGE = "stage";
    public static final String TAG_REASON = "reason";
    public static final String TAG_TOPIC = "topic";
    public static final String TAG_STEP = "step";
    public static final String TAG_FIELD = "field";
    public static final String TAG_SOURCE = "source";
    public static final String TAG_STATUS = "status";
    public static final String TAG_GROUP = "group";

    private MetricNames() {
    }
}
