package io.newsflow.app.eval.tagging;

import io.newsflow.core.progress.Progress;
import io.newsflow.enrich.tag.person.ConllCorpus;
import io.newsflow.enrich.tag.person.PersonTagger;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores person spans against a CoNLL file with conlleval's exact-match semantics: a predicted PER
 * chunk counts only when its boundaries equal a gold PER chunk's. The tagger runs document by
 * document, as in production, since surname coreference crosses sentences.
 */
public final class PersonEval {

    /** The figures, as printed by {@code newsflow eval persons}. */
    public record Result(double precision, double recall, double f1, long gold, long predicted, long correct,
            int documents, long tokens, long tokensPerSecond) {
    }

    private PersonEval() {
    }

    public static Result run(PersonTagger tagger, Path conll) throws IOException {
        ConllCorpus corpus = ConllCorpus.read(conll);
        SpanScore score = new SpanScore();
        long correctTotal = 0;
        long predictedTotal = 0;
        long goldTotal = 0;
        long nanos = 0;
        try (Progress progress = Progress.toStderr("eval persons", corpus.documents().size())) {
            for (List<ConllCorpus.Sentence> document : corpus.documents()) {
                progress.advance(1);
                List<List<String>> words = new ArrayList<>();
                for (ConllCorpus.Sentence s : document) {
                    words.add(s.tokens());
                }
                long started = System.nanoTime();
                List<List<String>> predicted = tagger.tags(words);
                nanos += System.nanoTime() - started;
                for (int i = 0; i < document.size(); i++) {
                    Set<List<Integer>> gold = chunks(document.get(i).tags(), "PER");
                    Set<List<Integer>> guess = chunks(predicted.get(i), "PER");
                    int correct = 0;
                    for (List<Integer> c : guess) {
                        if (gold.contains(c)) {
                            correct++;
                        }
                    }
                    score.add(correct, guess.size(), gold.size());
                    correctTotal += correct;
                    predictedTotal += guess.size();
                    goldTotal += gold.size();
                }
            }
        }
        long tokens = corpus.tokens();
        return new Result(SpanScore.round(score.precision()), SpanScore.round(score.recall()),
                SpanScore.round(score.f1()), goldTotal, predictedTotal, correctTotal, corpus.documents().size(),
                tokens, perSecond(tokens, nanos));
    }

    static long perSecond(long tokens, long nanos) {
        return nanos == 0 ? 0 : Math.round(tokens * 1e9 / nanos);
    }

    /** Chunks of one type as [start, end) pairs; reads IOB1 and IOB2 alike, as conlleval does. */
    static Set<List<Integer>> chunks(List<String> tags, String type) {
        Set<List<Integer>> chunks = new HashSet<>();
        int start = -1;
        String previous = "O";
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String tagType = tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(2) : "";
            String previousType = previous.length() > 2 && previous.charAt(1) == '-' ? previous.substring(2) : "";
            boolean continues = tag.startsWith("I-") && tagType.equals(previousType);
            if (start >= 0 && !continues) {
                chunks.add(List.of(start, i));
                start = -1;
            }
            if (tagType.equals(type) && !continues) {
                start = i;
            }
            previous = tag;
        }
        return chunks;
    }
}
