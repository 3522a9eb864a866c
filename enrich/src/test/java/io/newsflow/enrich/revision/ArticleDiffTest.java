package io.newsflow.enrich.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.ArticleSnapshot;
import io.newsflow.core.record.Revision.Changes;
import io.newsflow.core.record.Revision.ParagraphEdit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleDiffTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

    private static ArticleSnapshot version(int version, Instant published, String... paragraphs) {
        return new ArticleSnapshot(version, AT, "Title", List.of("Ann Lee"), published, null, List.of(paragraphs));
    }

    @Test
    void aParagraphInsertedInTheMiddleIsOneAdditionNotAChangeOfEveryLaterOne() {
        Changes changes = ArticleDiff.between(version(1, AT, "a", "b", "c"), version(2, AT, "a", "x", "b", "c"));
        assertEquals(List.of(new ParagraphEdit(null, 1, null, "x")), changes.paragraphsAdded());
        assertTrue(changes.paragraphsChanged().isEmpty());
        assertTrue(changes.paragraphsRemoved().isEmpty());
        assertEquals(List.of("paragraphs"), changes.fields());
    }

    @Test
    void aShorterReplacementIsAChangeAndARemoval() {
        Changes changes = ArticleDiff.between(version(1, AT, "a", "b", "c", "d"), version(2, AT, "a", "B", "d"));
        assertEquals(List.of(new ParagraphEdit(1, 1, "b", "B")), changes.paragraphsChanged());
        assertEquals(List.of(new ParagraphEdit(2, null, "c", null)), changes.paragraphsRemoved());
        assertTrue(changes.paragraphsAdded().isEmpty());
    }

    @Test
    void aMovedPublicationDateIsADateChange() {
        Instant later = AT.plusSeconds(3600);
        Changes changes = ArticleDiff.between(version(1, AT, "a"), version(2, later, "a"));
        assertEquals(AT, changes.publishedAt().before());
        assertEquals(later, changes.publishedAt().after());
        assertNull(changes.title());
        assertEquals(List.of("dates"), changes.fields());
    }

    @Test
    void identicalVersionsHaveNoChanges() {
        assertTrue(ArticleDiff.between(version(1, AT, "a", "b"), version(2, AT, "a", "b")).isEmpty());
    }
}
