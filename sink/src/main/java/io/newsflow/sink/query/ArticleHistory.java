package io.newsflow.sink.query;

import io.newsflow.core.record.ArticleSnapshot;
import io.newsflow.core.record.Revision;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every stored version of an article as a reader saw it, and the edits between them, oldest first.
 * An article never edited has one version, the stored one, and no revisions.
 *
 * @param id the article's id
 * @param url its canonical URL
 * @param source the source that discovered it
 * @param version the version stored in {@code articles}, null while only its revisions are stored
 * @param versions the versions (title, byline, dates, paragraphs), by version number
 * @param revisions the edits, by new version
 */
public record ArticleHistory(String id, String url, String source, @Nullable Integer version, List<ArticleSnapshot> versions,
        List<Edit> revisions) {

    public ArticleHistory {
        versions = List.copyOf(versions);
        revisions = List.copyOf(revisions);
    }

    /**
     * One edit: what changed from {@code oldVersion} to {@code newVersion}.
     *
     * @param fields the fields that changed: {@code title}, {@code authors}, {@code dates}, {@code paragraphs}
     * @param changes the field-level diff, as on {@code newsflow.revisions}
     */
    public record Edit(int oldVersion, int newVersion, Instant detectedAt, List<String> fields, Revision.Changes changes) {

        public Edit {
            fields = List.copyOf(fields);
        }
    }
}
