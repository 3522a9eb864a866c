package io.newsflow.core.metrics;

/**
 * The catalogue of newsflow metrics: each name once, with its unit in the name or doc. Tags are
 * bounded: {@code outcome}, {@code status} class, {@code stage}, never a URL.
 */
public final class MetricNames {

    /** Counter: pages fetched, tagged {@code outcome} (ok, unchanged, error class). */
    public static final String FETCH_PAGES = "newsflow.fetch.pages";
    /** Counter: body bytes fetched. */
    public static final String FETCH_BYTES = "newsflow.fetch.bytes";
    /** Timer: fetch latency, request to last byte. */
    public static final String FETCH_LATENCY = "newsflow.fetch.latency";
    /** Counter: links not fetched, tagged {@code reason} (known, robots). */
    public static final String FETCH_SKIPPED = "newsflow.fetch.skipped";
    /** Counter: pages published with their body cut at the page cap. */
    public static final String FETCH_TRUNCATED = "newsflow.fetch.truncated";
    /** Gauge: links waiting in this instance's host queues. */
    public static final String FETCH_QUEUE_URLS = "newsflow.fetch.queue.urls";
    /** Gauge: hosts with links waiting in this instance's queues. */
    public static final String FETCH_QUEUE_HOSTS = "newsflow.fetch.queue.hosts";
    /** Gauge: links waiting in the deepest host queue (per-host depth without a host tag). */
    public static final String FETCH_QUEUE_HOST_MAX = "newsflow.fetch.queue.host.max";
    /** Timer: how long a link waited in its host queue (politeness delay, crawl-delay, back-off). */
    public static final String FETCH_POLITENESS_WAIT = "newsflow.fetch.politeness.wait";
    /** Counter: source polls (feeds, sitemaps, listings), tagged {@code outcome}. */
    public static final String SOURCE_POLLS = "newsflow.source.polls";
    /** Gauge: sources whose last poll failed and that are backing off. */
    public static final String SOURCE_FAILING = "newsflow.source.failing";
    /** Counter: discovered links, tagged {@code outcome} (published, known). */
    public static final String LINKS_DISCOVERED = "newsflow.links.discovered";
    /** Counter: WARC records replayed, tagged {@code outcome} (published, not_ok, not_html, not_response, broken). */
    public static final String REPLAY_RECORDS = "newsflow.replay.records";
    /** Counter: articles enriched, tagged {@code outcome} (article, unchanged, not_article). */
    public static final String ENRICH_RECORDS = "newsflow.enrich.records";
    /** Counter: articles stored, tagged {@code outcome} (written, stale). */
    public static final String SINK_ROWS = "newsflow.sink.rows";
    /** Counter: records sent to the dead-letter topic, tagged {@code stage} and {@code reason}. */
    public static final String DEAD_LETTERS = "newsflow.dead.letters";
    /** Timer: fetch-to-stored latency of an article (freshness), with a histogram. */
    public static final String FRESHNESS = "newsflow.freshness";

    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_STAGE = "stage";
    public static final String TAG_REASON = "reason";

    private MetricNames() {
    }
}
