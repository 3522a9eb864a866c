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
