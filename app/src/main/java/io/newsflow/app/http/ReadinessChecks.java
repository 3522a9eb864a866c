package io.newsflow.app.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.lifecycle.Service;
import io.newsflow.core.metrics.MetricNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The checks behind {@code /ready}: the dependencies (broker, storage) and every stage the process
 * runs. Each is also the gauge {@code newsflow_ready_check{check}}, so Prometheus can alert on the
 * same answer {@code /ready} gives, and name the check that fails.
 */
final class ReadinessChecks {

    private record Check(String name, BooleanSupplier passes, String failure) {
    }

    /** The answer of one run: ready when every check passed, and one line per check. */
    record Report(boolean ready, String body) {
    }

    private final List<Check> checks = new ArrayList<>();

    ReadinessChecks(Map<String, BooleanSupplier> dependencies, List<? extends Service> services, MeterRegistry registry) {
        dependencies.forEach((name, reachable) -> checks.add(new Check(name, reachable, "unreachable")));
        for (Service service : services) {
            checks.add(new Check(service.name(), service::isHealthy, "down"));
        }
        for (Check check : checks) {
            Gauge.builder(MetricNames.READY_CHECK, check.passes(), passes -> passes.getAsBoolean() ? 1 : 0)
                    .tag(MetricNames.TAG_CHECK, check.name())
                    .register(registry);
        }
    }

    Report run() {
        StringBuilder body = new StringBuilder();
        boolean ready = true;
        for (Check check : checks) {
            boolean passes = check.passes().getAsBoolean();
            ready &= passes;
            body.append(check.name()).append(' ').append(passes ? "ok" : check.failure()).append('\n');
        }
        return new Report(ready, body.toString());
    }
}
