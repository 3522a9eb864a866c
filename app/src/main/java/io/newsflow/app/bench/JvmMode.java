package io.newsflow.app.bench;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * How this JVM runs, so a bench figure says which settings it was measured under: the compiler
 * mode, the collector and huge pages each moved the CPU per page by more than a tenth
 * (docs/performance.md). A bench result carries it {@link JsonUnwrapped unwrapped}, so its JSON
 * line keeps the three fields flat.
 *
 * @param compiler  {@code c2} (tiered compilation off, as {@code ./newsflow} runs the benches),
 *                  {@code c1} (tiered, stopping before C2) or {@code tiered}
 * @param gc        {@code parallel} as {@code ./newsflow} runs the long-running commands, {@code g1}
 *                  the JVM's default, or another
 * @param hugePages whether the heap asks the kernel for transparent huge pages ({@code ./newsflow}
 *                  does where the kernel grants them)
 */
record JvmMode(String compiler, String gc, boolean hugePages) {

    static JvmMode current() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        List<String> collectorBeans =
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList();
        if (vm == null) {
            return new JvmMode("unknown", collector(collectorBeans), false);
        }
        return new JvmMode(compiler(vm), collector(collectorBeans), flag(vm, "UseTransparentHugePages"));
    }

    private static String compiler(HotSpotDiagnosticMXBean vm) {
        if (!flag(vm, "TieredCompilation")) {
            return "c2";
        }
        return Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) < 4 ? "c1" : "tiered";
    }

    private static boolean flag(HotSpotDiagnosticMXBean vm, String option) {
        return Boolean.parseBoolean(vm.getVMOption(option).getValue());
    }

    /** The collector named by the JVM's collector beans, each collector recognised by its young-generation bean. */
    static String collector(List<String> beanNames) {
        for (String bean : beanNames) {
            switch (bean) {
                case "G1 Young Generation" -> {
                    return "g1";
                }
                case "PS Scavenge" -> {
                    return "parallel";
                }
                case "Copy" -> {
                    return "serial";
                }
                case "ZGC Cycles", "ZGC Minor Cycles" -> {
                    return "z";
                }
                case "Shenandoah Cycles" -> {
                    return "shenandoah";
                }
                default -> { }
            }
        }
        return "unknown";
    }
}
