package io.newsflow.app.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The garbage collector this JVM runs and how its heap is backed, so a bench figure says which it
 * was measured under: each moved the CPU per page by more than a tenth (docs/performance.md), as
 * the compiler mode does.
 */
final class Collector {

    private Collector() {
    }

    /** {@code parallel} as {@code ./newsflow} runs the long-running commands, {@code g1} the JVM's default, or another. */
    static String name() {
        return of(ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
    }

    /** The collector named by the JVM's collector beans, each collector recognised by its young-generation bean. */
    static String of(List<String> beanNames) {
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

    /** Whether the heap asks the kernel for transparent huge pages ({@code ./newsflow} does where the kernel grants them). */
    static boolean transparentHugePages() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return vm != null && Boolean.parseBoolean(vm.getVMOption("UseTransparentHugePages").getValue());
    }
}
