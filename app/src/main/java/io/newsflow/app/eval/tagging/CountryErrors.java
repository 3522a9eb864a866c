package io.newsflow.app.eval.tagging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.Span;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One document's country errors as a JSON line: {@code {"id", "missed": {code: [gold surfaces]},
 * "falseHits": {code: ["...context [surface] context..."]}}}. Written only for documents with an
 * error, so the lines are the material of an error analysis.
 */
final class CountryErrors {

    private static final int CONTEXT = 50;

    private record Line(String id, TreeMap<String, Set<String>> missed, TreeMap<String, List<String>> falseHits) {
    }

    private CountryErrors() {
    }

    static void write(CountryEval.Document doc, List<CountryTag> predicted, PrintStream out) {
        TreeMap<String, Set<String>> missed = new TreeMap<>();
        Set<String> found = new TreeSet<>();
        predicted.forEach(t -> found.add(t.code()));
        for (String code : doc.countries()) {
            if (!found.contains(code)) {
                Set<String> surfaces = new TreeSet<>();
                if (doc.mentions() != null) {
                    for (CountryEval.GoldMention m : doc.mentions()) {
                        if (m.country().equals(code)) {
                            surfaces.add(doc.text().substring(m.start(), m.end()));
                        }
                    }
                }
                missed.put(code, surfaces);
            }
        }
        TreeMap<String, List<String>> falseHits = new TreeMap<>();
        for (CountryTag tag : predicted) {
            if (!doc.countries().contains(tag.code())) {
                List<String> contexts = new ArrayList<>();
                for (Span s : tag.mentions()) {
                    contexts.add(context(doc.text(), s));
                }
                falseHits.put(tag.code(), contexts);
            }
        }
        if (missed.isEmpty() && falseHits.isEmpty()) {
            return;
        }
        try {
            out.println(JsonCodec.MAPPER.writeValueAsString(new Line(doc.id(), missed, falseHits)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String context(String text, Span s) {
        String before = text.substring(Math.max(0, s.start() - CONTEXT), s.start());
        String after = text.substring(s.end(), Math.min(text.length(), s.end() + CONTEXT));
        return (before + "[" + s.surface() + "]" + after).replace('\n', ' ');
    }
}
