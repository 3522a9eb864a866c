package io.newsflow.app.eval.tagging;

import io.newsflow.core.progress.Progress;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.Span;
import io.newsflow.enrich.tag.ArticleTagger;
import io.newsflow.enrich.tag.text.Token;
import io.newsflow.enrich.tag.text.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Scores country tagging against JSON lines {@code {"id","text","countries":[ISO2...]}}: micro
 * precision, recall and F1 over (document, country) pairs. Lines that also carry {@code mentions}
 * ({@code start}, {@code end}, {@code country}) are scored per mention too: a predicted mention is
 * right when it overlaps a gold mention of the same country. Gold mentions with a GeoNames
 * {@code fcode} count only when it marks a country or a capital (PCL*, PPLC), since the corpora
 * annotate every place and the tagger finds countries only. Unreadable lines are counted, not fatal.
 */
public final class CountryEval {

    /** The figures, as printed by {@code newsflow eval countries}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(double precision, double recall, double f1, int documents, long tokens,
            long tokensPerSecond, @Nullable Double mentionPrecision, @Nullable Double mentionRecall,
            @Nullable Double mentionF1, int skippedLines) {
    }

    /** A gold mention of a country: character offsets into the text and the ISO code. */
    public record GoldMention(int start, int end, String country) {
    }

    /**
     * One annotated document: its text, the countries it refers to, and (when the corpus marks
     * them) the country-level mentions.
     */
    public record Document(String id, String text, Set<String> countries, @Nullable List<GoldMention> mentions) {

        public Document {
            countries = Set.copyOf(countries);
            mentions = mentions == null ? null : List.copyOf(mentions);
        }
    }

    private CountryEval() {
    }

    /** Scores the JSON lines in {@code jsonl}. */
    public static Result run(ArticleTagger tagger, Path jsonl) throws IOException {
        return run(tagger, jsonl, null);
    }

    /** Scores the JSON lines in {@code jsonl}, writing each wrong document to {@code errors}. */
    public static Result run(ArticleTagger tagger, Path jsonl, @Nullable PrintStream errors) throws IOException {
        List<Document> docs = new ArrayList<>();
        int skipped = 0;
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Document doc = parse(line);
                if (doc == null) {
                    skipped++;
                } else {
                    docs.add(doc);
                }
            }
        }
        return score(tagger, docs, skipped, errors);
    }

    private static @Nullable Document parse(String line) {
        JsonNode doc;
        try {
            doc = JsonCodec.MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
        if (!doc.path("text").isTextual() || !doc.path("countries").isArray()) {
            return null;
        }
        Set<String> gold = new HashSet<>();
        doc.get("countries").forEach(c -> gold.add(c.asText()));
        List<GoldMention> mentions = null;
        if (doc.path("mentions").isArray()) {
            mentions = new ArrayList<>();
            for (JsonNode m : doc.get("mentions")) {
                JsonNode fcode = m.get("fcode");
                boolean countryLevel = fcode == null || (fcode.isTextual()
                        && (fcode.asText().startsWith("PCL") || fcode.asText().equals("PPLC")));
                if (countryLevel && m.path("country").isTextual()) {
                    mentions.add(new GoldMention(m.path("start").asInt(), m.path("end").asInt(),
                            m.get("country").asText()));
                }
            }
        }
        return new Document(doc.path("id").asText(""), doc.get("text").asText(), gold, mentions);
    }

    /** Scores already read documents; {@code skipped} is reported as the input's unreadable items. */
    public static Result score(ArticleTagger tagger, List<Document> docs, int skipped) {
        return score(tagger, docs, skipped, null);
    }

    /**
     * As {@link #score(ArticleTagger, List, int)}, and writes to {@code errors} one JSON line per
     * document the tagger got wrong: the gold countries it missed (with their gold surfaces, when the
     * corpus marks mentions) and the countries it found that the gold lacks, each mention with its
     * surrounding text, for error analysis.
     */
    public static Result score(ArticleTagger tagger, List<Document> docs, int skipped, @Nullable PrintStream errors) {
        SpanScore documents = new SpanScore();
        SpanScore mentions = new SpanScore();
        boolean sawMentions = false;
        long tokens = 0;
        long nanos = 0;
        try (Progress progress = Progress.toStderr("eval countries", docs.size())) {
            for (Document doc : docs) {
                progress.advance(1);
                tokens += tokenCount(doc.text());
                long started = System.nanoTime();
                List<CountryTag> predicted = tagger.tag(doc.text()).countries();
                nanos += System.nanoTime() - started;
                Set<String> guess = new HashSet<>();
                predicted.forEach(t -> guess.add(t.code()));
                documents.add(intersection(doc.countries(), guess), guess.size(), doc.countries().size());
                if (doc.mentions() != null) {
                    sawMentions = true;
                    scoreMentions(doc.mentions(), predicted, mentions);
                }
                if (errors != null) {
                    CountryErrors.write(doc, predicted, errors);
                }
            }
        }
        return new Result(SpanScore.round(documents.precision()), SpanScore.round(documents.recall()),
                SpanScore.round(documents.f1()), docs.size(), tokens, PersonEval.perSecond(tokens, nanos),
                sawMentions ? SpanScore.round(mentions.precision()) : null,
                sawMentions ? SpanScore.round(mentions.recall()) : null,
                sawMentions ? SpanScore.round(mentions.f1()) : null, skipped);
    }

    private static void scoreMentions(List<GoldMention> gold, List<CountryTag> predicted, SpanScore score) {
        long predictedCount = 0;
        long correct = 0;
        Set<GoldMention> found = new HashSet<>();
        for (CountryTag tag : predicted) {
            for (Span span : tag.mentions()) {
                predictedCount++;
                boolean hit = false;
                for (GoldMention g : gold) {
                    if (g.country().equals(tag.code()) && g.start() < span.end() && span.start() < g.end()) {
                        hit = true;
                        found.add(g);
                    }
                }
                if (hit) {
                    correct++;
                }
            }
        }
        // precision counts right predictions, recall counts gold mentions found
        score.addSeparately(correct, predictedCount, found.size(), gold.size());
    }

    private static int intersection(Set<String> a, Set<String> b) {
        int n = 0;
        for (String x : a) {
            if (b.contains(x)) {
                n++;
            }
        }
        return n;
    }

    static int tokenCount(String text) {
        int n = 0;
        for (List<Token> sentence : Tokenizer.sentences(text)) {
            n += sentence.size();
        }
        return n;
    }
}
