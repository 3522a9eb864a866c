package io.newsflow.app.dashboard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.newsflow.core.json.Decimals;
import io.newsflow.core.lifecycle.DaemonThreads;
import io.newsflow.core.metrics.CounterTotals;
import io.newsflow.core.metrics.MetricNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Records the pipeline's counters once a second into a ring buffer (the last ten minutes), so the
 * dashboard can draw throughput without a metrics database. Rates are differences of consecutive
 * samples; lag is the gauge's value at each sample.
 */
public final class ThroughputSampler implements AutoCloseable {

    /** Samples kept: ten minutes at one per second. */
    static final int CAPACITY = 600;

    /** The rate series, in the order the dashboard draws them. */
    static final Map<String, ToDoubleFunction<MeterRegistry>> RATES = rates();

    private final MeterRegistry registry;
    private final List<String> lagStages;
    private final long[] times = new long[CAPACITY];
    private final double[][] totals = new double[RATES.size()][CAPACITY];
    private final double[][] lags;
    private int size;
    private int next;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("newsflow-sampler"));

    /**
     * @param lagStages the stages whose {@link MetricNames#CONSUMER_LAG} gauge to record
     */
    ThroughputSampler(MeterRegistry registry, List<String> lagStages) {
        this.registry = registry;
        this.lagStages = List.copyOf(lagStages);
        this.lags = new double[lagStages.size()][CAPACITY];
    }

    /**
     * Starts sampling once a second. The stages start before the dashboard and may count already
     * (a small site is fetched in well under a second), so the buffer opens with the zeros every
     * counter started from: the first rate covers everything counted since start, not nothing.
     */
    public static ThroughputSampler start(MeterRegistry registry, List<String> lagStages) {
        ThroughputSampler sampler = new ThroughputSampler(registry, lagStages);
        sampler.anchorAtZero(System.currentTimeMillis());
        sampler.scheduler.scheduleAtFixedRate(() -> sampler.sample(System.currentTimeMillis()), 1, 1, TimeUnit.SECONDS);
        return sampler;
    }

    /** Records a sample in which every counter is zero and every lag unknown, as at process start. */
    synchronized void anchorAtZero(long epochMillis) {
        times[next] = epochMillis;
        for (double[] series : totals) {
            series[next] = 0;
        }
        for (double[] series : lags) {
            series[next] = Double.NaN;
        }
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    private static Map<String, ToDoubleFunction<MeterRegistry>> rates() {
        Map<String, ToDoubleFunction<MeterRegistry>> rates = new LinkedHashMap<>();
        rates.put("fetched", r -> CounterTotals.sum(r, MetricNames.FETCH_PAGES, MetricNames.FETCH_SUCCEEDED::contains));
        rates.put("enriched", r -> CounterTotals.sum(r, MetricNames.ENRICH_RECORDS, "article"::equals));
        rates.put("stored", r -> CounterTotals.sum(r, MetricNames.SINK_ROWS, "written"::equals));
        rates.put("errors", r -> CounterTotals.sum(r, MetricNames.FETCH_PAGES, o -> !MetricNames.FETCH_SUCCEEDED.contains(o))
                + CounterTotals.sum(r, MetricNames.DEAD_LETTERS, o -> true));
        return rates;
    }

    /** Takes one sample; the scheduler calls it every second, tests call it with their own times. */
    synchronized void sample(long epochMillis) {
        times[next] = epochMillis;
        int i = 0;
        for (ToDoubleFunction<MeterRegistry> rate : RATES.values()) {
            totals[i++][next] = rate.applyAsDouble(registry);
        }
        for (int s = 0; s < lagStages.size(); s++) {
            String stage = lagStages.get(s);
            lags[s][next] = Search.in(registry).name(MetricNames.CONSUMER_LAG).tag(MetricNames.TAG_STAGE, stage)
                    .gauges().stream().mapToDouble(Gauge::value).findFirst().orElse(Double.NaN);
        }
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    /**
     * The buffer as the dashboard reads it: sample times (epoch ms), per-second rates between
     * consecutive samples, and lag per stage (null where unknown). The first sample only anchors
     * the rates, so every series has one point fewer than there are samples.
     */
    public synchronized Series snapshot() {
        List<Long> t = new ArrayList<>();
        Map<String, List<Double>> rateSeries = new LinkedHashMap<>();
        RATES.keySet().forEach(name -> rateSeries.put(name, new ArrayList<>()));
        Map<String, List<Double>> lagSeries = new LinkedHashMap<>();
        lagStages.forEach(stage -> lagSeries.put(stage, new ArrayList<>()));
        int first = (next - size + CAPACITY) % CAPACITY;
        for (int k = 1; k < size; k++) {
            int cur = (first + k) % CAPACITY;
            int prev = (first + k - 1) % CAPACITY;
            double seconds = Math.max(1, times[cur] - times[prev]) / 1000.0;
            t.add(times[cur]);
            int i = 0;
            for (List<Double> series : rateSeries.values()) {
                // a counter only falls when a stage restarts; count that second as zero, not negative
                series.add(Decimals.round(Math.max(0, totals[i][cur] - totals[i][prev]) / seconds, 2));
                i++;
            }
            for (int s = 0; s < lagStages.size(); s++) {
                double v = lags[s][cur];
                lagSeries.get(lagStages.get(s)).add(Double.isNaN(v) ? null : v);
            }
        }
        return new Series(1000, t, rateSeries, lagSeries);
    }

    /**
     * What {@link #snapshot()} returns, serialised as is.
     *
     * @param intervalMs the sampling interval
     * @param t the time of each point, epoch milliseconds
     * @param rates per series name (fetched, enriched, stored, errors), events per second
     * @param lag per stage, records behind; null where unknown
     */
    public record Series(int intervalMs, List<Long> t, Map<String, List<Double>> rates, Map<String, List<Double>> lag) {
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
