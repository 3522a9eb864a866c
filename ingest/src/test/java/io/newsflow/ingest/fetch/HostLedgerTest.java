package io.newsflow.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsflow.core.status.HostStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HostLedgerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void aHostThatAnswersIsOkWithItsCounts() {
        HostLedger ledger = new HostLedger(Clock.fixed(T0, ZoneOffset.UTC));
        ledger.fetched("a.example", "feed:a", "ok", false, Duration.ofSeconds(1));
        ledger.fetched("a.example", "feed:a", "unchanged", false, Duration.ofSeconds(1));
        HostStatus a = ledger.snapshot().get(0);
        assertEquals(HostStatus.State.OK, a.state());
        assertEquals(2, a.fetched());
        assertEquals(0, a.failed());
        assertEquals(T0, a.lastFetchAt());
        assertNull(a.retryAt());
        assertEquals("unchanged", a.detail());
    }

    @Test
    void aFailingHostBacksOffUntilItsRetryTime() {
        HostLedger ledger = new HostLedger(Clock.fixed(T0, ZoneOffset.UTC));
        ledger.fetched("b.example", "sitemap:b", "http_5xx", true, Duration.ofSeconds(30));
        HostStatus b = ledger.snapshot().get(0);
        assertEquals(HostStatus.State.BACKING_OFF, b.state());
        assertEquals(T0.plusSeconds(30), b.retryAt());
        assertEquals(1, b.failed());
        HostLedger later = new HostLedger(Clock.fixed(T0.plusSeconds(31), ZoneOffset.UTC));
        later.fetched("b.example", "sitemap:b", "http_5xx", true, Duration.ofSeconds(-1));
        assertEquals(HostStatus.State.OK, later.snapshot().get(0).state());
    }

    @Test
    void robotsDisallowBlocksTheHostUntilAnAllowedFetch() {
        HostLedger ledger = new HostLedger(Clock.fixed(T0, ZoneOffset.UTC));
        ledger.disallowed("c.example", "listing:c", "https://c.example/news/1");
        assertEquals(HostStatus.State.BLOCKED_BY_ROBOTS, ledger.snapshot().get(0).state());
        assertEquals("robots.txt disallows https://c.example/news/1", ledger.snapshot().get(0).detail());
        ledger.fetched("c.example", "listing:c", "ok", false, Duration.ofSeconds(1));
        assertEquals(HostStatus.State.OK, ledger.snapshot().get(0).state());
    }

    @Test
    void unreadableRobotsTxtBacksTheHostOff() {
        HostLedger ledger = new HostLedger(Clock.fixed(T0, ZoneOffset.UTC));
        ledger.robotsUnavailable("d.example", "feed:d", Duration.ofMinutes(5));
        HostStatus d = ledger.snapshot().get(0);
        assertEquals(HostStatus.State.BACKING_OFF, d.state());
        assertEquals("robots.txt unavailable", d.detail());
    }

    @Test
    void listsHostsByName() {
        HostLedger ledger = new HostLedger(Clock.fixed(T0, ZoneOffset.UTC));
        ledger.fetched("z.example", "s", "ok", false, Duration.ZERO);
        ledger.fetched("a.example", "s", "ok", false, Duration.ZERO);
        assertEquals("a.example", ledger.snapshot().get(0).host());
        assertEquals("z.example", ledger.snapshot().get(1).host());
    }
}
