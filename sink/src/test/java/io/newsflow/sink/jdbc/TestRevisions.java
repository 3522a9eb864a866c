package io.newsflow.sink.jdbc;

import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleSnapshot;
import io.newsflow.core.record.Revision;
import java.util.List;

/** Revisions for tests: a headline rewritten and a paragraph added, as enrich publishes them. */
public final class TestRevisions {

    private TestRevisions() {
    }

    /** The revision from {@code old} to {@code edited}: new title and one paragraph appended. */
    public static Revision retitled(Article old, Article edited) {
        ArticleSnapshot before = ArticleSnapshot.of(old);
        ArticleSnapshot after = ArticleSnapshot.of(edited);
        int added = after.paragraphs().size() - 1;
        Revision.Changes changes = new Revision.Changes(new Revision.FieldChange<>(old.title(), edited.title()), null, null,
                null, List.of(new Revision.ParagraphEdit(null, added, null, after.paragraphs().get(added))), List.of(), List.of());
        return new Revision(old.id(), old.url(), old.source(), old.version(), edited.version(),
                edited.fetchedAt().plusSeconds(5), before, after, changes);
    }

    /** {@code a} at a later version with another title and one more paragraph. */
    public static Article edited(Article a, int version, String title) {
        String text = a.text() + "\n\nUpdated: officials later denied the meeting.";
        return new Article(a.id(), a.url(), a.source(), title, a.authors(), a.publishedAt(), a.modifiedAt(), a.section(),
                a.lead(), a.language(), a.image(), text, text.split("\\s+").length, a.contentSha256() + version, version,
                a.fetchedAt().plusSeconds(3600L * version), a.countries(), a.persons(), a.extractorVersion(),
                a.taggerVersion());
    }
}
