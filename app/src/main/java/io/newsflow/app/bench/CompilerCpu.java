package io.newsflow.app.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time the JIT compiler threads of this JVM use, in nanoseconds, measured from a
 * {@link #start() start}.
 *
 * <p>The JVM's own figure, {@link CompilationMXBean#getTotalCompilationTime()}, is the elapsed
 * time of the compilations: on a busy two-core machine a compiler thread waits for a core in the
 * middle of a compilation, and that wait counts too. Linux reports each thread's time on a core in
 * {@code /proc/self/task/<tid>/schedstat}; the compiler threads are the ones named
 * {@code C1 CompilerThread<n>} and {@code C2 CompilerThread<n>}, cut to 15 characters. The JVM
 * starts and stops compiler threads as its queue grows and drains (with
 * {@code -XX:-TieredCompilation}, for instance), so the time is kept per thread: one that stops
 * takes its time with it, and summing the threads alive at each end would count that time as a
 * loss. Its time after the start is not seen, so the figure is then a lower bound: in
 * {@code bench pipeline} it missed a third to a half of the compiler's CPU. {@code ./newsflow}
 * therefore runs the benches with {@code -XX:-UseDynamicNumberOfCompilerThreads}, which keeps every
 * compiler thread alive. Where {@code /proc} is not readable, the elapsed figure stands in for it.
 */
final class CompilerCpu {

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private final Map<String, Long> startByThread;
    private final long startElapsedNanos;

    private CompilerCpu(Map<String, Long> startByThread, long startElapsedNanos) {
        this.startByThread = startByThread;
        this.startElapsedNanos = startElapsedNanos;
    }

    static CompilerCpu start() {
        return new CompilerCpu(byThread(), elapsedNanos());
    }

    /** Compiler CPU since {@link #start()}: the growth of every compiler thread alive now, from 0 for one started since. */
    long nanos() {
        Map<String, Long> now = byThread();
        if (now == null || startByThread == null) {
            return elapsedNanos() - startElapsedNanos;
        }
        long sum = 0;
        for (Map.Entry<String, Long> thread : now.entrySet()) {
            sum += Math.max(0, thread.getValue() - startByThread.getOrDefault(thread.getKey(), 0L));
        }
        return sum;
    }

    private static long elapsedNanos() {
        return JIT.getTotalCompilationTime() * 1_000_000;
    }

    /** CPU nanoseconds of each compiler thread by thread id, or null when {@code /proc} cannot say. */
    private static Map<String, Long> byThread() {
        Map<String, Long> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                long nanos = compilerThreadNanos(task);
                if (nanos >= 0) {
                    out.put(task.getFileName().toString(), nanos);
                }
            });
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    /** The thread's time on a core if it is a compiler thread, else -1; a thread gone meanwhile is -1 too. */
    private static long compilerThreadNanos(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return -1;
            }
            String schedstat = Files.readString(task.resolve("schedstat"));
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException e) {
            return -1;
        }
    }
}
