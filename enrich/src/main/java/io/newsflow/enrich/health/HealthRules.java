package io.newsflow.enrich.health;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.json.Decimals;
import io.newsflow.core.record.SourceHealth;
import io.newsflow.core.record.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns what is known of a source into its health, checked from the worst status to the best:
 * <ul>
 *   <li>{@code blocked}: {@code failingStreak} polls in a row refused with 401, 403 or 429, or at
 *       least {@code blockedShare} of its last pages (at least {@code blockedMinPages}) were bot
 *       challenges or paywalls;
 *   <li>{@code failing}: {@code failingStreak} failed polls in a row;
 *   <li>{@code silent}: no new link and no new article for {@code silentAfter}, after some before;
 *   <li>{@code quiet}: new articles (or new links) in the last 24 hours below {@code quietRatio} of
 *       its own daily mean over the {@code baselineDays} before, when that mean is at least
 *       {@code quietMinBaseline};
 *   <li>{@code ok}: none of these.
 * </ul>
 */
public record HealthRules(int failingStreak, Duration silentAfter, double quietRatio, double quietMinBaseline, int baselineDays,
        int pagesWindow, double blockedShare, int blockedMinPages) {

    private static final Duration DAY = Duration.ofDays(1);

    public HealthRules {
        requireNonNull(silentAfter, "silentAfter");
        if (failingStreak < 1 || baselineDays < 1 || pagesWindow < 1 || blockedMinPages < 1) {
            throw new IllegalArgumentException("streaks, days and page counts must be positive");
        }
        if (quietRatio <= 0 || quietRatio > 1 || blockedShare <= 0 || blockedShare > 1) {
            throw new IllegalArgumentException("quiet ratio and blocked share must be in (0, 1]");
        }
    }

    /** The oldest instant the baseline still looks at, for pruning the hourly buckets. */
    public Instant horizon(Instant now) {
        return now.minus(DAY.multipliedBy(baselineDays + 1L));
    }

    public SourceHealth evaluate(String source, SourceHealthState s, Instant now) {
        long nowHour = SourceHealthState.hour(now);
        long found24h = sum(s.foundByHour, nowHour - 23, nowHour + 1);
        long stored24h = sum(s.storedByHour, nowHour - 23, nowHour + 1);
        double foundBaseline = baseline(s.foundByHour, s.firstSeenAt, now);
        double storedBaseline = baseline(s.storedByHour, s.firstSeenAt, now);
        int sampled = s.recentPages.length();
        double extracted = share(s.recentPages, 'G');
        double blocked = share(s.recentPages, 'B');

        SourceStatus status;
        String reason;
        Instant lastOutput = later(s.lastNewLinkAt, s.lastArticleAt);
        if (s.refusedStreak >= failingStreak) {
            status = SourceStatus.BLOCKED;
            reason = s.refusedStreak + " polls in a row refused (HTTP " + s.lastHttpStatus + ")";
        } else if (s.errorStreak >= failingStreak) {
            status = SourceStatus.FAILING;
            reason = s.errorStreak + " failed polls in a row (" + s.lastPollOutcome + ")";
        } else if (sampled >= blockedMinPages && blocked >= blockedShare) {
            status = SourceStatus.BLOCKED;
            reason = percent(blocked) + " of its last " + sampled + " pages look like bot challenges or paywalls";
        } else if (lastOutput != null && lastOutput.isBefore(now.minus(silentAfter))) {
            status = SourceStatus.SILENT;
            reason = "nothing new for " + hours(Duration.between(lastOutput, now)) + " (silent after " + hours(silentAfter) + ")";
        } else if (storedBaseline >= quietMinBaseline && stored24h < quietRatio * storedBaseline) {
            status = SourceStatus.QUIET;
            reason = stored24h + " new articles in 24 h against a baseline of " + Decimals.round(storedBaseline, 3) + " a day";
        } else if (foundBaseline >= quietMinBaseline && found24h < quietRatio * foundBaseline) {
            status = SourceStatus.QUIET;
            reason = found24h + " new links in 24 h against a baseline of " + Decimals.round(foundBaseline, 3) + " a day";
        } else {
            status = SourceStatus.OK;
            reason = s.lastPollAt == null ? "no poll seen yet" : "last poll " + s.lastPollOutcome;
        }
        return new SourceHealth(source, status, reason, now, s.type, s.url, s.lastPollAt, s.lastPollOutcome, s.lastHttpStatus,
                s.lastError, s.errorStreak, s.lastNewLinkAt, s.lastArticleAt, found24h, stored24h, Decimals.round(foundBaseline, 3),
                Decimals.round(storedBaseline, 3), sampled, Decimals.round(extracted, 3), Decimals.round(blocked, 3));
    }

    /** The daily mean over the whole days of history before the last 24 hours, at most {@code baselineDays}; 0 without any. */
    private double baseline(Map<Long, Long> byHour, @Nullable Instant firstSeen, Instant now) {
        if (firstSeen == null) {
            return 0;
        }
        long days = Math.min(baselineDays, Duration.between(firstSeen, now.minus(DAY)).toDays());
        if (days < 1) {
            return 0;
        }
        long end = SourceHealthState.hour(now) - 23;
        return (double) sum(byHour, end - 24 * days, end) / days;
    }

    /** The sum of the hourly buckets from {@code first} (inclusive) to {@code end} (exclusive). */
    private static long sum(Map<Long, Long> byHour, long first, long end) {
        long sum = 0;
        for (Map.Entry<Long, Long> bucket : byHour.entrySet()) {
            if (bucket.getKey() >= first && bucket.getKey() < end) {
                sum += bucket.getValue();
            }
        }
        return sum;
    }

    private static double share(String pages, char quality) {
        if (pages.isEmpty()) {
            return 0;
        }
        return (double) pages.chars().filter(c -> c == quality).count() / pages.length();
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 120 ? minutes + " min" : String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
    }
}
