package io.newsflow.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

class CompilerCpuTest {

    @Test
    void compilingNewCodeShowsAsCompilerCpuAndTheFigureNeverGoesBack() {
        CompilerCpu jit = CompilerCpu.start();
        long sum = 0;
        for (int i = 0; i < 2_000_000; i++) {
            sum += Integer.toString(i).hashCode() + String.valueOf((double) i).length();
        }
        long first = jit.nanos();
        for (int i = 0; i < 2_000_000; i++) {
            sum += Long.toHexString(i).indexOf('f');
        }
        long second = jit.nanos();

        assertTrue(first > 0, "a loop over new code was compiled: " + first + " ns (" + sum + ")");
        assertTrue(second >= first, "compiler CPU went back from " + first + " to " + second);
    }

    @Test
    void theModeIsTheOneThisJvmWasStartedWith() {
        boolean c2Alone = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:-TieredCompilation");
        boolean c1Only = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel=") && !a.endsWith("=4"));

        assertEquals(c2Alone ? "c2" : c1Only ? "c1" : "tiered", CompilerCpu.mode());
    }
}
