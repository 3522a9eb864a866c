package io.newsflow.core.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The health of one source, declared from the worst to the best, so ordinal order sorts worst first. */
public enum SourceStatus {
    /** Its polls fail: errors, timeouts, unparseable documents, over a configured streak. */
    FAILING,
    /** It or its pages answer with bot challenges, paywalls or refusals (401, 403, 429). */
    BLOCKED,
    /** Nothing new for a configured time, after a history of output. */
    SILENT,
    /** Output well below its own trailing daily baseline. */
    QUIET,
    /** None of the above. */
    OK;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SourceStatus parse(String label) {
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown source status '" + label + "' (ok, quiet, silent, failing or blocked)");
        }
    }
}
