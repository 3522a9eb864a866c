package io.newsflow.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.core.json.JsonCodec;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmModeTest {

    private static final List<String> ARGS = ManagementFactory.getRuntimeMXBean().getInputArguments();

    @Test
    void namesEachCollectorByItsBeans() {
        assertEquals("g1", JvmMode.collector(List.of("G1 Young Generation", "G1 Concurrent GC", "G1 Old Generation")));
        assertEquals("parallel", JvmMode.collector(List.of("PS Scavenge", "PS MarkSweep")));
        assertEquals("serial", JvmMode.collector(List.of("Copy", "MarkSweepCompact")));
        assertEquals("z", JvmMode.collector(List.of("ZGC Cycles", "ZGC Pauses")));
        assertEquals("unknown", JvmMode.collector(List.of()));
    }

    @Test
    void thisJvmsCollectorIsTheOneItWasStartedWith() {
        String expected = ARGS.contains("-XX:+UseParallelGC") ? "parallel" : ARGS.contains("-XX:+UseSerialGC") ? "serial"
                : ARGS.contains("-XX:+UseG1GC") ? "g1" : null;
        if (expected != null) {
            assertEquals(expected, JvmMode.current().gc());
        } else {
            // the JVM chose: G1 on a machine it counts as a server, Serial on a small one
            assertTrue(List.of("g1", "serial").contains(JvmMode.current().gc()), JvmMode.current().gc());
        }
    }

    @Test
    void theCompilerModeIsTheOneThisJvmWasStartedWith() {
        boolean c2Alone = ARGS.contains("-XX:-TieredCompilation");
        boolean c1Only = ARGS.stream().anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel=") && !a.endsWith("=4"));

        assertEquals(c2Alone ? "c2" : c1Only ? "c1" : "tiered", JvmMode.current().compiler());
    }

    @Test
    void hugePagesAreReportedOnlyWhenTheJvmWasAskedForThem() {
        // asked for, the kernel may still refuse them, and the JVM then reports the option off
        if (!ARGS.contains("-XX:+UseTransparentHugePages")) {
            assertFalse(JvmMode.current().hugePages());
        }
    }

    @Test
    void aBenchLineKeepsTheModeFlatBesideItsFigures() throws Exception {
        ReplayBench.Result result = new ReplayBench.Result(10, 1.5, 6.7, 20, 20, 4096, 0.5, 2.0, 10.0, 9.5, 0.4,
                new JvmMode("c2", "parallel", true));

        JsonNode line = new ObjectMapper().readTree(JsonCodec.encode(result));

        assertEquals("c2", line.get("compiler").asText());
        assertEquals("parallel", line.get("gc").asText());
        assertTrue(line.get("hugePages").asBoolean());
        assertEquals(10.0, line.get("pagesPerSecond").asDouble());
        assertFalse(line.has("jvm"), line::toString);
    }
}
