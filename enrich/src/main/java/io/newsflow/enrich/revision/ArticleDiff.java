package io.newsflow.enrich.revision;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.newsflow.core.record.ArticleSnapshot;
import io.newsflow.core.record.Revision.Changes;
import io.newsflow.core.record.Revision.FieldChange;
import io.newsflow.core.record.Revision.ParagraphEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The field-level diff of two versions of an article. Paragraphs are aligned by a Myers diff, so an
 * inserted paragraph is one addition, not a change of every paragraph after it; a replaced run of
 * paragraphs counts pairwise as changes, its surplus as additions or removals.
 */
public final class ArticleDiff {

    private ArticleDiff() {
    }

    public static Changes between(ArticleSnapshot before, ArticleSnapshot after) {
        List<ParagraphEdit> added = new ArrayList<>();
        List<ParagraphEdit> removed = new ArrayList<>();
        List<ParagraphEdit> changed = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(before.paragraphs(), after.paragraphs()).getDeltas()) {
            List<String> old = delta.getSource().getLines();
            List<String> neu = delta.getTarget().getLines();
            int oldAt = delta.getSource().getPosition();
            int newAt = delta.getTarget().getPosition();
            int paired = Math.min(old.size(), neu.size());
            for (int i = 0; i < paired; i++) {
                changed.add(new ParagraphEdit(oldAt + i, newAt + i, old.get(i), neu.get(i)));
            }
            for (int i = paired; i < old.size(); i++) {
                removed.add(new ParagraphEdit(oldAt + i, null, old.get(i), null));
            }
            for (int i = paired; i < neu.size(); i++) {
                added.add(new ParagraphEdit(null, newAt + i, null, neu.get(i)));
            }
        }
        return new Changes(change(before.title(), after.title()), change(before.authors(), after.authors()),
                change(before.publishedAt(), after.publishedAt()), change(before.modifiedAt(), after.modifiedAt()),
                added, removed, changed);
    }

    private static <T> @Nullable FieldChange<T> change(@Nullable T before, @Nullable T after) {
        return Objects.equals(before, after) ? null : new FieldChange<>(before, after);
    }
}
