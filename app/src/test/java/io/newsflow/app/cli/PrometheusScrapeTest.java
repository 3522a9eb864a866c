package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusScrapeTest {

    private static final String TEXT = """
            # HELP newsflow_fetch_pages_total pages
            # TYPE newsflow_fetch_pages_total counter
            newsflow_fetch_pages_total{outcome="ok"} 4.0
            newsflow_fetch_pages_total{outcome="http_5xx"} 1.0
            newsflow_freshness_seconds_bucket{le="0.1"} 2
            newsflow_freshness_seconds_bucket{le="1.0"} 6
            newsflow_freshness_seconds_bucket{le="10.0"} 10
            newsflow_freshness_seconds_bucket{le="+Inf"} 10
            newsflow_freshness_seconds_count 10
            newsflow_freshness_seconds_max 7.5
            odd_metric{label="with \\"quote\\""} 3.0
            odd_metric{label="plain"} NaN
            odd_metric{label="other"} 2.0
            """;

    private final PrometheusScrape scrape = PrometheusScrape.parse(TEXT);

    @Test
    void sumsSamplesWhoseLabelsMatch() {
        assertEquals(5.0, scrape.sum("newsflow_fetch_pages_total", l -> true));
        assertEquals(4.0, scrape.sum("newsflow_fetch_pages_total", l -> "ok".equals(l.get("outcome"))));
        assertEquals(0.0, scrape.sum("newsflow_absent_total", l -> true));
    }

    @Test
    void quantilesInterpolateInsideTheBucketLikePrometheus() {
        // rank 5 of 10 lies 3/4 into the (0.1, 1.0] bucket that holds ranks 3..6
        assertEquals(0.775, scrape.quantile("newsflow_freshness_seconds", 0.5), 1e-9);
        assertEquals(0.05, scrape.quantile("newsflow_freshness_seconds", 0.1), 1e-9);
        assertEquals(10.0, scrape.quantile("newsflow_freshness_seconds", 1.0), 1e-9);
        assertTrue(Double.isNaN(scrape.quantile("newsflow_absent_seconds", 0.5)));
    }

    @Test
    void mergedScrapesAddUpAcrossInstances() {
        PrometheusScrape both = PrometheusScrape.merge(List.of(scrape, PrometheusScrape.parse(TEXT)));

        assertEquals(10.0, both.sum("newsflow_fetch_pages_total", l -> true));
        assertEquals(0.775, both.quantile("newsflow_freshness_seconds", 0.5), 1e-9);
        assertEquals(7.5, both.max("newsflow_freshness_seconds_max"));
    }

    @Test
    void escapedLabelValuesAndNaNValuesParse() {
        assertTrue(scrape.has("odd_metric"));
        assertEquals(3.0, scrape.sum("odd_metric", l -> "with \"quote\"".equals(l.get("label"))), "the escaped label matches");
        assertEquals(5.0, scrape.sum("odd_metric", l -> true), "the NaN sample parses and is left out of the sum");
        assertEquals(0.0, scrape.sum("odd_metric", l -> "plain".equals(l.get("label"))), "a NaN alone sums to nothing");
    }
}
