package io.newsflow.core.progress;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Shows how far a long-running command has got: items done, of how many, rate and time left. It
 * writes to stderr, so a command's result on stdout (one JSON line) stays machine-readable. On a
 * terminal it redraws one line in place a few times a second; in a log or pipe it prints a line
 * every few seconds instead, so CI logs show progress without filling up.
 *
 * <pre>{@code
 * try (Progress progress = Progress.toStderr("eval extraction", pages.size())) {
 *     for (Page page : pages) {
 *         score(page);
 *         progress.advance(1);
 *     }
 * }
 * }</pre>
 */
public final class Progress implements AutoCloseable {

    /** Total of a task whose size is not known up front. */
    public static final long UNKNOWN = -1;

    private static final long TERMINAL_PERIOD_NANOS = 200_000_000L;
    private static final long LOG_PERIOD_NANOS = 5_000_000_000L;

    private final String task;
    private final long total;
    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long startedAt;
    private final AtomicLong done = new AtomicLong();
    private long lastShownAt;
    private int lastWidth;
    private boolean closed;

    /**
     * @param total how many items the task has, or {@link #UNKNOWN}
     * @param terminal whether {@code out} is an interactive terminal (redraw in place)
     * @param nanoTime the clock, {@link System#nanoTime} outside tests
     */
    public Progress(String task, long total, PrintWriter out, boolean terminal, LongSupplier nanoTime) {
        this.task = requireNonNull(task, "task");
        if (total < 0 && total != UNKNOWN) {
            throw new IllegalArgumentException("total must be >= 0 or UNKNOWN, was " + total);
        }
        this.total = total;
        this.out = requireNonNull(out, "out");
        this.terminal = terminal;
        this.nanoTime = requireNonNull(nanoTime, "nanoTime");
        this.startedAt = nanoTime.getAsLong();
        this.lastShownAt = startedAt;
    }

    /** Progress on stderr, redrawn in place when stderr is a terminal. */
    public static Progress toStderr(String task, long total) {
        return new Progress(task, total, new PrintWriter(System.err, true), System.console() != null, System::nanoTime);
    }

    /** Counts {@code items} more as done; safe to call from several threads. */
    public void advance(long items) {
        long now = done.addAndGet(items);
        long at = nanoTime.getAsLong();
        long period = terminal ? TERMINAL_PERIOD_NANOS : LOG_PERIOD_NANOS;
        synchronized (this) {
            if (!closed && at - lastShownAt >= period) {
                lastShownAt = at;
                show(line(now, at), false);
            }
        }
    }

    /** Items done so far. */
    public long done() {
        return done.get();
    }

    /** The status line as shown, e.g. {@code eval: 120/500 (24%), 40.0/s, 9 s left}. */
    String line(long count, long at) {
        double seconds = Math.max(1e-9, (at - startedAt) / 1e9);
        double rate = count / seconds;
        StringBuilder line = new StringBuilder(task).append(": ").append(count);
        if (total != UNKNOWN) {
            line.append('/').append(total);
            if (total > 0) {
                line.append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, count * 100 / total)));
            }
        }
        line.append(String.format(Locale.ROOT, ", %.1f/s", rate));
        if (total != UNKNOWN && count < total && rate > 0) {
            line.append(", ").append(duration((total - count) / rate)).append(" left");
        }
        return line.toString();
    }

    private static String duration(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 120 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }

    private void show(String line, boolean last) {
        if (terminal) {
            // pad over the longer previous line; the carriage return keeps it on one row
            String padded = line + " ".repeat(Math.max(0, lastWidth - line.length()));
            lastWidth = line.length();
            out.print("\r" + padded + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Shows the final line: items done and the time taken. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long at = nanoTime.getAsLong();
        show(line(done.get(), at).replaceFirst(", [^,]* left$", "") + String.format(Locale.ROOT, ", done in %s",
                duration((at - startedAt) / 1e9)), true);
    }
}
