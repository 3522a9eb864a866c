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
    /** Counter: pages enriched, tagged {@code outcome} (article, unchanged, not_article, superseded). */
    public static final String ENRICH_RECORDS = "newsflow.enrich.records";
    /** Counter: pages the enrich job consumed, whatever became of them; its rate is records in per second. */
    public static final String ENRICH_RECORDS_IN = "newsflow.enrich.records.in";
    /** Counter: records the enrich job produced, tagged {@code topic} (articles, mentions); its rate is records out per second. */
    public static final String ENRICH_RECORDS_OUT = "newsflow.enrich.records.out";
    /** Counter: pages skipped as not articles, tagged {@code reason} (http_status, not_html, no_text, empty_record). */
    public static final String ENRICH_SKIPPED = "newsflow.enrich.skipped";
    /** Timer: processing latency of one page through extract, tag, version and the sinks. */
    public static final String ENRICH_LATENCY = "newsflow.enrich.latency";
    /** Timer: time spent in one step of the enrich job, tagged {@code step} (extract, tag). */
    public static final String ENRICH_STEP_DURATION = "newsflow.enrich.step.duration";
    /** Timer: end-to-end lag, from the page's fetch to its article's emission, with a histogram. */
    public static final String ENRICH_LAG = "newsflow.enrich.lag";
    /** Counter: articles stored, tagged {@code outcome} (written, stale). */
    public static final String SINK_ROWS = "newsflow.sink.rows";
    /** Counter: records sent to the dead-letter topic, tagged {@code stage} and {@code reason}. */
    public static final String DEAD_LETTERS = "newsflow.dead.letters";
    /** Timer: fetch-to-stored latency of an article (freshness), with a histogram. */
    public static final String FRESHNESS = "newsflow.freshness";

    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_STAGE = "stage";
    public static final String TAG_REASON = "reason";
    public static final String TAG_TOPIC = "topic";
    public static final String TAG_STEP = "step";

    private MetricNames() {
    }
}
