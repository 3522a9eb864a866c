package io.newsflow.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.metrics.MetricNames;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FetchOutcomeTest {

    @Test
    void tagsAreTheLowerCaseNames() {
        assertEquals("not_modified", FetchOutcome.NOT_MODIFIED.tag());
        assertEquals("http_5xx", FetchOutcome.HTTP_5XX.tag());
        assertEquals("read_timeout", String.valueOf(FetchOutcome.READ_TIMEOUT));
    }

    @Test
    void statusClassesHaveOneOutcomeEach() {
        assertEquals(FetchOutcome.HTTP_1XX, FetchOutcome.ofStatus(101));
        assertEquals(FetchOutcome.HTTP_3XX, FetchOutcome.ofStatus(300));
        assertEquals(FetchOutcome.HTTP_4XX, FetchOutcome.ofStatus(404));
        assertEquals(FetchOutcome.HTTP_4XX, FetchOutcome.ofStatus(429));
        assertEquals(FetchOutcome.HTTP_5XX, FetchOutcome.ofStatus(503));
        assertEquals(FetchOutcome.HTTP_OTHER, FetchOutcome.ofStatus(999));
    }

    @Test
    void onlyTimeoutsAndBrokenConnectionsMeanTheHostIsUnreachable() {
        assertTrue(FetchOutcome.CONNECT_TIMEOUT.hostUnreachable());
        assertTrue(FetchOutcome.TOTAL_TIMEOUT.hostUnreachable());
        assertTrue(FetchOutcome.CONNECT_FAILED.hostUnreachable());
        assertTrue(FetchOutcome.IO_ERROR.hostUnreachable());
        assertFalse(FetchOutcome.DNS_FAILED.hostUnreachable());
        assertFalse(FetchOutcome.BLOCKED_ADDRESS.hostUnreachable());
        assertFalse(FetchOutcome.HTTP_5XX.hostUnreachable(), "a 5xx is judged by its status");
    }

    @Test
    void theDashboardCountsTheSucceededOutcomesAsFetches() {
        assertEquals(Set.of("ok", "not_modified", "unchanged"), MetricNames.FETCH_SUCCEEDED);
    }
}
