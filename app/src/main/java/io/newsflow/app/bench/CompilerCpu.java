package io.newsflow.app.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time the JIT compiler threads of this JVM have used, in nanoseconds.
 *
 * <p>The JVM's own figure, {@link CompilationMXBean#getTotalCompilationTime()}, is the elapsed
 * time of the compilations: on a busy two-core machine a compiler thread waits for a core in the
 * middle of a compilation, and that wait counts too. Linux reports each thread's time on a core in
 * {@code /proc/self/task/<tid>/schedstat}; the compiler threads are the ones named
 * {@code C1 CompilerThread<n>} and {@code C2 CompilerThread<n>}, cut to 15 characters. Where that
 * is not readable, the elapsed figure stands in for it.
 */
final class CompilerCpu {

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private CompilerCpu() {
    }

    static long nanos() {
        try (Stream<Path> tasks = Files.list(TASKS)) {
            return tasks.mapToLong(CompilerCpu::compilerThreadNanos).sum();
        } catch (IOException e) {
            return JIT.getTotalCompilationTime() * 1_000_000;
        }
    }

    /** The thread's time on a core if it is a compiler thread, else 0; a thread gone meanwhile counts 0. */
    private static long compilerThreadNanos(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            String schedstat = Files.readString(task.resolve("schedstat"));
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException e) {
            return 0;
        }
    }
}
