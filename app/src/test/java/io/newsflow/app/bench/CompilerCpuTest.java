package io.newsflow.app.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompilerCpuTest {

    @Test
    void theCompilerThreadsOfARunningJvmHaveUsedCpuAndTheFigureOnlyGrows() {
        long first = CompilerCpu.nanos();
        long sum = 0;
        for (int i = 0; i < 2_000_000; i++) {
            sum += Integer.toString(i).hashCode();
        }
        long second = CompilerCpu.nanos();

        assertTrue(first > 0, "a JVM that loaded JUnit has compiled methods: " + first + " ns");
        assertTrue(second >= first, "compiler CPU went back from " + first + " to " + second + " (" + sum + ")");
    }
}
