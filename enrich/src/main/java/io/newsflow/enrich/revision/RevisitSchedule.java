package io.newsflow.enrich.revision;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * When a recent article is fetched again to catch edits: offsets from its first fetch, growing, such
 * as {@code 1h, 6h, 24h, 72h}. Edits cluster in the first hours after publication, so the revisits
 * decay instead of recurring at a fixed rate.
 */
public record RevisitSchedule(List<Duration> offsets) {

    public RevisitSchedule {
        offsets = List.copyOf(requireNonNull(offsets, "offsets"));
        Duration previous = Duration.ZERO;
        for (Duration offset : offsets) {
            if (offset.compareTo(previous) <= 0) {
                throw new IllegalArgumentException("revisit offsets must be positive and growing: " + offsets);
            }
            previous = offset;
        }
    }

    /**
     * Reads a list such as {@code 1h, 6h, 24h, 72h}: each a whole number with the unit {@code s},
     * {@code m}, {@code h} or {@code d}. An empty list turns revisits off.
     */
    public static RevisitSchedule parse(List<String> entries) {
        List<Duration> offsets = new ArrayList<>();
        for (String entry : entries) {
            String value = entry.trim().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            char unit = value.charAt(value.length() - 1);
            long amount;
            try {
                amount = Long.parseLong(value.substring(0, value.length() - 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad revisit offset '" + entry + "': expected e.g. 30m, 6h or 3d");
            }
            offsets.add(switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("bad revisit offset '" + entry + "': the unit must be s, m, h or d");
            });
        }
        return new RevisitSchedule(offsets);
    }

    /** When revisit number {@code step} (from 0) of an article first fetched at {@code first} is due; null after the last. */
    public @Nullable Instant due(Instant first, int step) {
        return step < offsets.size() ? first.plus(offsets.get(step)) : null;
    }

    /** The longest offset: how long an article stays in the schedule. */
    public Duration horizon() {
        return offsets.isEmpty() ? Duration.ZERO : offsets.get(offsets.size() - 1);
    }
}
