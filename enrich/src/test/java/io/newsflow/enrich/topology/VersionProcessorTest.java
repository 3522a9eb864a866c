package io.newsflow.enrich.topology;

import static io.newsflow.enrich.topology.VersionProcessor.Decision.EMIT;
import static io.newsflow.enrich.topology.VersionProcessor.Decision.REPLAYED;
import static io.newsflow.enrich.topology.VersionProcessor.Decision.SUPERSEDED;
import static io.newsflow.enrich.topology.VersionProcessor.Decision.UNCHANGED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.newsflow.core.record.Article;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionProcessorTest {

    private static final VersionStamp LAST = new VersionStamp("abc", 4, 2, 100);

    @Test
    void firstPageOfAnArticleIsEmitted() {
        assertEquals(EMIT, VersionProcessor.decide(null, "abc", 2, 7));
    }

    @Test
    void laterPageIsEmittedOnlyWhenItsFingerprintChanged() {
        assertEquals(UNCHANGED, VersionProcessor.decide(LAST, "abc", 2, 101));
        assertEquals(EMIT, VersionProcessor.decide(LAST, "def", 2, 101));
    }

    @Test
    void rewoundInputReEmitsTheLatestPageAndSkipsOlderOnes() {
        assertEquals(REPLAYED, VersionProcessor.decide(LAST, "abc", 2, 100));
        assertEquals(SUPERSEDED, VersionProcessor.decide(LAST, "def", 2, 99));
    }

    @Test
    void pageFromAnotherPartitionIsComparedByFingerprintOnly() {
        assertEquals(UNCHANGED, VersionProcessor.decide(LAST, "abc", 0, 3));
        assertEquals(EMIT, VersionProcessor.decide(LAST, "def", 0, 3));
    }

    @Test
    void fingerprintIgnoresFetchTimeAndSourceButCoversTextMetadataAndVersions() {
        Article a = article("Body.", "Title", Instant.parse("2026-11-28T10:00:00Z"), "feed", "t1");
        String fingerprint = VersionProcessor.fingerprint(a);
        assertEquals(fingerprint, VersionProcessor.fingerprint(article("Body.", "Title", Instant.parse("2026-11-29T10:00:00Z"), "sitemap", "t1")));
        assertEquals(fingerprint, VersionProcessor.fingerprint(a.withVersion(9)));
        assertNotEquals(fingerprint, VersionProcessor.fingerprint(article("Body!", "Title", a.fetchedAt(), "feed", "t1")));
        assertNotEquals(fingerprint, VersionProcessor.fingerprint(article("Body.", "Headline", a.fetchedAt(), "feed", "t1")));
        assertNotEquals(fingerprint, VersionProcessor.fingerprint(article("Body.", "Title", a.fetchedAt(), "feed", "t2")));
    }

    private static Article article(String text, String title, Instant fetchedAt, String source, String taggerVersion) {
        return new Article("id", "https://example.org/a", source, title, List.of(), null, null, null, null, "en",
                null, text, 1, "00", 1, fetchedAt, List.of(), List.of(), "e1", taggerVersion);
    }
}
