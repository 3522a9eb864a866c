package io.newsflow.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorTest {

    @Test
    void namesEachCollectorByItsBeans() {
        assertEquals("g1", Collector.of(List.of("G1 Young Generation", "G1 Concurrent GC", "G1 Old Generation")));
        assertEquals("parallel", Collector.of(List.of("PS Scavenge", "PS MarkSweep")));
        assertEquals("serial", Collector.of(List.of("Copy", "MarkSweepCompact")));
        assertEquals("z", Collector.of(List.of("ZGC Cycles", "ZGC Pauses")));
        assertEquals("unknown", Collector.of(List.of()));
    }

    @Test
    void thisJvmsCollectorIsTheOneItWasStartedWith() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String expected = args.contains("-XX:+UseParallelGC") ? "parallel" : args.contains("-XX:+UseSerialGC") ? "serial"
                : args.contains("-XX:+UseG1GC") ? "g1" : null;
        if (expected != null) {
            assertEquals(expected, Collector.name());
        } else {
            // the JVM chose: G1 on a machine it counts as a server, Serial on a small one
            assertTrue(List.of("g1", "serial").contains(Collector.name()), Collector.name());
        }
    }

    @Test
    void hugePagesAreReportedOnlyWhenTheJvmWasAskedForThem() {
        // asked for, the kernel may still refuse them, and the JVM then reports the option off
        if (!ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+UseTransparentHugePages")) {
            assertFalse(Collector.transparentHugePages());
        }
    }
}
