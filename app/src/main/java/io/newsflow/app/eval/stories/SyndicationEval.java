package io.newsflow.app.eval.stories;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.progress.Progress;
import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.extract.Extraction;
import io.newsflow.enrich.extract.HtmlPages;
import io.newsflow.enrich.story.Signature;
import io.newsflow.enrich.story.StorySigner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Pairwise quality of story detection on real pages. Every page is extracted as the pipeline
 * extracts it; {@link Republisher} makes {@link #COPIES} syndicated copies of it, which are extracted
 * again from their own templates. Positives are the pairs of one article's versions (the original
 * and its copies), negatives every pair of versions of two different articles, among them the
 * hand-labelled pairs of different stories on the same event. A pair is called a copy when the
 * signatures share an LSH band and their estimated overlap reaches the minimum: what the story
 * step asks of a candidate.
 *
 * <p>Pages are split by id: ids starting with 0-7 are the development half, on which the minimum
 * overlap was chosen (the sweep), 8-f the held-out half, which reports the figures.
 */
public final class SyndicationEval {

    /** Copies made of every page. */
    public static final int COPIES = 2;
    /** The minimum overlaps the development sweep tries. */
    static final double[] SWEEP = {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7};

    private static final String SAME_EVENT = "same-event-pairs.tsv";

    private final ArticleExtractor extractor = new ArticleExtractor();
    private final StorySigner signer = new StorySigner();
    private final Republisher republisher = new Republisher();

    /** Pairwise counts and scores of one half. */
    public record Scores(int articles, int documents, long pairs, long positives, long truePositives, long falsePositives,
            double precision, double recall) {
    }

    /** One development point of the sweep. */
    public record SweepPoint(double minOverlap, double precision, double recall) {
    }

    /**
     * The figures: pages read and articles with text; both halves at {@code minOverlap}; the
     * labelled same-event pairs of versions and how many of them were merged; the sweep on the
     * development half; the weakest positives and strongest negatives, for a look.
     */
    public record Result(int pages, int articles, double minOverlap, Scores dev, Scores heldOut, long sameEventPairs,
            long sameEventMerged, double maxNegativeOverlap, List<SweepPoint> devSweep, List<String> weakestPositives,
            List<String> strongestNegatives) {

        public Result {
            devSweep = List.copyOf(devSweep);
            weakestPositives = List.copyOf(weakestPositives);
            strongestNegatives = List.copyOf(strongestNegatives);
        }
    }

    /** One version of an article: the original (copy 0) or a copy, with its signature (null when too short). */
    private record Doc(String page, int copy, boolean dev, @Nullable Signature signature) {

        String name() {
            return page.substring(0, Math.min(10, page.length())) + "#" + copy;
        }
    }

    private record Pair(Doc a, Doc b, double overlap, boolean match) {
    }

    /**
     * @param goldFile the benchmark's gold file, read for the pages' URLs only
     * @param sameEvent pairs of page ids that are different stories on one event, or null for the bundled list
     */
    public Result run(Path htmlDir, Path goldFile, @Nullable Path sameEvent, double minOverlap, long seed) throws IOException {
        requireNonNull(htmlDir, "htmlDir");
        requireNonNull(goldFile, "goldFile");
        Map<String, String> html = HtmlPages.read(htmlDir);
        JsonNode gold = JsonCodec.MAPPER.readTree(goldFile.toFile());
        List<Doc> docs = new ArrayList<>();
        int articles = 0;
        try (Progress progress = Progress.toStderr("eval syndication", html.size())) {
            for (Map.Entry<String, String> page : html.entrySet()) {
                progress.advance(1);
                String id = page.getKey();
                String url = gold.path(id).path("url").asText("https://example.org/" + id);
                Extraction original = extractor.extract(page.getValue(), url);
                List<String> paragraphs = Arrays.stream(original.text().split("\n\n")).filter(p -> !p.isBlank()).toList();
                if (paragraphs.isEmpty()) {
                    continue;
                }
                articles++;
                boolean dev = Character.digit(id.charAt(0), 16) < 8;
                docs.add(new Doc(id, 0, dev, signer.sign(original.text())));
                SplittableRandom random = new SplittableRandom(seed ^ id.hashCode());
                for (int copy = 1; copy <= COPIES; copy++) {
                    Republisher.Copy republished = republisher.republish(original.title(), paragraphs, host(url), random.split());
                    Extraction extracted = extractor.extract(republished.html(), "https://client" + copy + ".example/" + id);
                    docs.add(new Doc(id, copy, dev, signer.sign(extracted.text())));
                }
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            for (int j = i + 1; j < docs.size(); j++) {
                pairs.add(pair(docs.get(i), docs.get(j), minOverlap));
            }
        }
        List<Pair> sameEventPairs = sameEventPairs(pairs, sameEvent == null ? null : Files.newInputStream(sameEvent));
        List<SweepPoint> sweep = new ArrayList<>();
        for (double min : SWEEP) {
            Scores s = scores(pairs, true, min);
            sweep.add(new SweepPoint(min, s.precision(), s.recall()));
        }
        List<String> weakest = pairs.stream().filter(p -> p.a().page().equals(p.b().page()))
                .sorted(Comparator.comparingDouble(Pair::overlap)).limit(10).map(SyndicationEval::describe).toList();
        List<Pair> negatives = pairs.stream().filter(p -> !p.a().page().equals(p.b().page()))
                .sorted(Comparator.comparingDouble(Pair::overlap).reversed()).toList();
        return new Result(html.size(), articles, minOverlap, scores(pairs, true, minOverlap), scores(pairs, false, minOverlap),
                sameEventPairs.size(), sameEventPairs.stream().filter(Pair::match).count(),
                negatives.isEmpty() ? 0 : negatives.get(0).overlap(), sweep, weakest,
                negatives.stream().limit(10).map(SyndicationEval::describe).toList());
    }

    private static Pair pair(Doc a, Doc b, double minOverlap) {
        if (a.signature() == null || b.signature() == null) {
            return new Pair(a, b, 0, false);
        }
        double overlap = a.signature().overlap(b.signature());
        return new Pair(a, b, overlap, matches(a, b, overlap, minOverlap));
    }

    private static boolean matches(Doc a, Doc b, double overlap, double minOverlap) {
        return overlap >= minOverlap && a.signature() != null && b.signature() != null && a.signature().sharesBand(b.signature());
    }

    /** Pairs within one half: both versions on the development side, or both held out. */
    private static Scores scores(List<Pair> pairs, boolean dev, double minOverlap) {
        long all = 0;
        long positives = 0;
        long tp = 0;
        long fp = 0;
        Set<String> pages = new HashSet<>();
        Set<String> documents = new HashSet<>();
        for (Pair p : pairs) {
            if (p.a().dev() != dev || p.b().dev() != dev) {
                continue;
            }
            pages.add(p.a().page());
            pages.add(p.b().page());
            documents.add(p.a().name());
            documents.add(p.b().name());
            all++;
            boolean positive = p.a().page().equals(p.b().page());
            boolean match = matches(p.a(), p.b(), p.overlap(), minOverlap);
            if (positive) {
                positives++;
            }
            if (match && positive) {
                tp++;
            } else if (match) {
                fp++;
            }
        }
        double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        double recall = positives == 0 ? 0 : tp / (double) positives;
        return new Scores(pages.size(), documents.size(), all, positives, tp, fp, precision, recall);
    }

    /** Every pair of versions of two pages labelled as different stories on one event. */
    private static List<Pair> sameEventPairs(List<Pair> pairs, @Nullable InputStream file) throws IOException {
        Set<String> labelled = new HashSet<>();
        try (InputStream in = file != null ? file : SyndicationEval.class.getResourceAsStream(SAME_EVENT);
                BufferedReader reader = new BufferedReader(new InputStreamReader(requireNonNull(in, SAME_EVENT),
                        StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length < 2) {
                    throw new IOException("same-event pairs, line " + number + ": expected two page ids separated by a tab");
                }
                labelled.add(columns[0] + "\t" + columns[1]);
                labelled.add(columns[1] + "\t" + columns[0]);
            }
        }
        return pairs.stream().filter(p -> labelled.contains(p.a().page() + "\t" + p.b().page())).toList();
    }

    private static String describe(Pair p) {
        return String.format(Locale.ROOT, "overlap=%.3f match=%s %s %s", p.overlap(), p.match(), p.a().name(), p.b().name());
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "the original site" : host;
        } catch (IllegalArgumentException e) {
            return "the original site";
        }
    }
}
