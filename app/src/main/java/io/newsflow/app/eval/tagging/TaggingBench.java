package io.newsflow.app.eval.tagging;

import io.newsflow.enrich.tag.ArticleTagger;
import io.newsflow.enrich.tag.person.ConllCorpus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Single-thread speed of the whole tagger (tokenising, the sequence model, coreference, countries)
 * on the documents of a CoNLL file rebuilt as article text. The first rounds warm the JIT and are
 * not counted; the figure is the mean over the measured rounds, by the wall clock and by the
 * thread's CPU time (the honest figure on a machine shared with other work).
 */
public final class TaggingBench {

    /** The figures, as printed by {@code newsflow bench tagging}. */
    public record Result(int documents, long tokens, int warmupRounds, int rounds, double seconds,
            long tokensPerSecond, double cpuSeconds, long tokensPerCpuSecond) {
    }

    private TaggingBench() {
    }

    public static Result run(ArticleTagger tagger, Path conll, int warmupRounds, int rounds) throws IOException {
        if (rounds < 1 || warmupRounds < 0) {
            throw new IllegalArgumentException("rounds must be >= 1 and warm-up rounds >= 0");
        }
        List<String> texts = new ArrayList<>();
        long tokens = 0;
        for (List<ConllCorpus.Sentence> document : ConllCorpus.read(conll).documents()) {
            String text = ConllCorpus.text(document);
            texts.add(text);
            tokens += CountryEval.tokenCount(text);
        }
        long sink = 0;
        for (int r = 0; r < warmupRounds; r++) {
            for (String text : texts) {
                sink += tagger.tag(text).persons().size();
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
        long cpuStarted = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
        long started = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String text : texts) {
                sink += tagger.tag(text).persons().size();
            }
        }
        long nanos = System.nanoTime() - started;
        long cpuNanos = cpuTimed ? threads.getCurrentThreadCpuTime() - cpuStarted : nanos;
        if (sink < 0) {
            throw new AssertionError("unreachable: keeps the work from being optimised away");
        }
        return new Result(texts.size(), tokens, warmupRounds, rounds, Math.round(nanos / 1e6) / 1000.0,
                PersonEval.perSecond(tokens * rounds, nanos), Math.round(cpuNanos / 1e6) / 1000.0,
                PersonEval.perSecond(tokens * rounds, cpuNanos));
    }
}
