package io.newsflow.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a Prometheus text-format scrape, as far as {@code newsflow stats} needs them. */
final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = samples;
    }

    static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            try {
                samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
            } catch (NumberFormatException e) {
                // a value this parser does not know (e.g. a future format): not a sample stats uses
            }
        }
        return new PrometheusScrape(samples);
    }

    static PrometheusScrape merge(List<PrometheusScrape> scrapes) {
        List<Sample> all = new ArrayList<>();
        scrapes.forEach(s -> all.addAll(s.samples));
        return new PrometheusScrape(all);
    }

    /** The sum of every sample of the name whose labels match, NaN-free; 0 when there is none. */
    double sum(String name, Predicate<Map<String, String>> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && labels.test(s.labels()))
                .mapToDouble(Sample::value).filter(v -> !Double.isNaN(v)).sum();
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    double max(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(Sample::value)
                .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    /**
     * A quantile of a histogram from its cumulative {@code _bucket} samples (summed over instances),
     * interpolated linearly inside the bucket, as Prometheus's {@code histogram_quantile} does.
     * NaN when the histogram is empty.
     */
    double quantile(String histogram, double q) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (Sample s : samples) {
            if (s.name().equals(histogram + "_bucket") && s.labels().containsKey("le")) {
                String le = s.labels().get("le");
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.merge(bound, s.value(), Double::sum);
            }
        }
        if (buckets.isEmpty() || buckets.lastEntry().getValue() == 0) {
            return Double.NaN;
        }
        double total = buckets.lastEntry().getValue();
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound;
                }
                double inBucket = bucket.getValue() - lowerCount;
                return inBucket == 0 ? bucket.getKey()
                        : lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return lowerBound;
    }
}
