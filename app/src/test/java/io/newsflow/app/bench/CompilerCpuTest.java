package io.newsflow.app.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

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

}
