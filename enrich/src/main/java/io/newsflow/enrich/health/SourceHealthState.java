package io.newsflow.enrich.health;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.newsflow.core.record.SourcePoll;
import io.newsflow.core.record.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the source-health store keeps of one source: its last poll, its streaks, its new links and
 * articles in hourly buckets over the baseline window, and the quality of its recent pages. Stored
 * as JSON; mutable, since it is read, changed and written back within one record's processing.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class SourceHealthState {

    @Nullable String type;
    @Nullable String url;
    @Nullable Instant firstSeenAt;
    @Nullable Instant lastPollAt;
    @Nullable String lastPollOutcome;
    @Nullable Integer lastHttpStatus;
    @Nullable String lastError;
    int errorStreak;
    /** Polls refused in a row with 401, 403 or 429: the source is blocking us, not broken. */
    int refusedStreak;
    @Nullable Instant lastNewLinkAt;
    @Nullable Instant lastArticleAt;
    /** New links per hour, keyed by hours since the epoch. */
    Map<Long, Long> foundByHour = new TreeMap<>();
    /** New articles per hour, keyed by hours since the epoch. */
    Map<Long, Long> storedByHour = new TreeMap<>();
    /** The qualities of the latest pages, oldest first, one letter each (G, P, B). */
    String recentPages = "";
    /** Whether something was learned since the last published record. */
    boolean dirty;
    @Nullable SourceStatus lastStatus;

    /** Takes one signal in; {@code pagesWindow} bounds the recent pages kept. */
    public void apply(SourceSignal signal, int pagesWindow) {
        dirty = true;
        if (firstSeenAt == null || signal.at().isBefore(firstSeenAt)) {
            firstSeenAt = signal.at();
        }
        switch (signal.kind()) {
            case POLL -> applyPoll(signal.poll());
            case PAGE -> {
                String next = recentPages + signal.quality().name().charAt(0);
                recentPages = next.length() > pagesWindow ? next.substring(next.length() - pagesWindow) : next;
            }
            case STORED -> {
                storedByHour.merge(hour(signal.at()), 1L, Long::sum);
                lastArticleAt = later(lastArticleAt, signal.at());
            }
        }
    }

    private void applyPoll(SourcePoll poll) {
        type = poll.type();
        url = poll.url();
        lastPollAt = later(lastPollAt, poll.polledAt());
        lastPollOutcome = poll.outcome();
        lastHttpStatus = poll.httpStatus();
        lastError = poll.error();
        if (poll.succeeded()) {
            errorStreak = 0;
            refusedStreak = 0;
        } else {
            errorStreak++;
            Integer status = poll.httpStatus();
            boolean refused = status != null && (status == 401 || status == 403 || status == 429);
            refusedStreak = refused ? refusedStreak + 1 : 0;
        }
        if (poll.newLinks() > 0) {
            foundByHour.merge(hour(poll.polledAt()), (long) poll.newLinks(), Long::sum);
            lastNewLinkAt = later(lastNewLinkAt, poll.polledAt());
        }
    }

    /** Drops the hourly buckets older than {@code horizon}. */
    public void forgetBefore(Instant horizon) {
        long first = hour(horizon);
        foundByHour.keySet().removeIf(h -> h < first);
        storedByHour.keySet().removeIf(h -> h < first);
    }

    static long hour(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), Duration.ofHours(1).toSeconds());
    }

    private static Instant later(@Nullable Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    public boolean dirty() {
        return dirty;
    }

    /** Marks the state as published with the given status. */
    public void published(SourceStatus status) {
        dirty = false;
        lastStatus = status;
    }

    public @Nullable SourceStatus lastStatus() {
        return lastStatus;
    }
}
