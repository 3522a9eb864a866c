package io.newsflow.benchmarks;

import io.newsflow.core.record.CountryTag;
import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.extract.Extraction;
import io.newsflow.enrich.tag.ArticleTagger;
import io.newsflow.enrich.tag.country.CountryTagger;
import io.newsflow.enrich.tag.person.PersonTagger;
import io.newsflow.enrich.tag.text.Token;
import io.newsflow.enrich.tag.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tagging per article text, the texts the extractor takes from the benchmark pages: the whole
 * tagger, and its two halves on pre-tokenised input, so each cost shows on its own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class TaggingBenchmark {

    /** One article as each tagger stage receives it. */
    private record Input(String text, List<List<Token>> sentences, PersonTagger.Analysis analysis) {
    }

    @Param(BenchmarkPages.DEFAULT_DIR)
    public String dir;

    private final ArticleTagger tagger = ArticleTagger.shipped();
    private final PersonTagger persons = PersonTagger.shipped();
    private final CountryTagger countries = CountryTagger.shipped();
    private final List<Input> inputs = new ArrayList<>();
    private int next;

    @Setup
    public void load() {
        ArticleExtractor extractor = new ArticleExtractor();
        for (String page : BenchmarkPages.load(dir)) {
            Extraction extraction = extractor.extract(page, "https://example.org/article");
            if (extraction.isArticle()) {
                String text = extraction.text();
                List<List<Token>> sentences = Tokenizer.sentences(text);
                inputs.add(new Input(text, sentences, persons.analyse(text, sentences)));
            }
        }
    }

    private Input nextInput() {
        Input input = inputs.get(next);
        next = (next + 1) % inputs.size();
        return input;
    }

    @Benchmark
    public ArticleTagger.Tags tagArticle() {
        return tagger.tag(nextInput().text());
    }

    @Benchmark
    public PersonTagger.Analysis persons() {
        Input input = nextInput();
        return persons.analyse(input.text(), input.sentences());
    }

    @Benchmark
    public List<CountryTag> countries() {
        Input input = nextInput();
        return countries.tag(input.text(), input.sentences(), input.analysis().entities());
    }
}
