package io.newsflow.enrich.tag;

import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import io.newsflow.enrich.tag.country.CountryTagger;
import io.newsflow.enrich.tag.person.PersonTagger;
import io.newsflow.enrich.tag.text.Token;
import io.newsflow.enrich.tag.text.Tokenizer;
import java.util.List;
import java.util.Objects;

/**
 * Tags an article's text with the countries and persons it mentions. One tokenisation feeds both
 * taggers; the sequence model's entity spans let the country tagger skip names inside persons and
 * organisations. Thread-safe; the shipped model and gazetteer load once per process.
 */
public final class ArticleTagger {

    /** Recorded on every article so readers know which tagger produced its tags. */
    public static final String VERSION = "tagger/1 (persons: perceptron conll2003 v1; countries: gazetteer v1)";

    private static final class Shipped {
        static final ArticleTagger INSTANCE = new ArticleTagger(PersonTagger.shipped(), CountryTagger.shipped());
    }

    private final PersonTagger persons;
    private final CountryTagger countries;

    public ArticleTagger(PersonTagger persons, CountryTagger countries) {
        this.persons = Objects.requireNonNull(persons, "persons");
        this.countries = Objects.requireNonNull(countries, "countries");
    }

    /** The tagger over the shipped model and gazetteer, loaded on first use. */
    public static ArticleTagger shipped() {
        return Shipped.INSTANCE;
    }

    public Tags tag(String text) {
        Objects.requireNonNull(text, "text");
        List<List<Token>> sentences = Tokenizer.sentences(text);
        PersonTagger.Analysis analysis = persons.analyse(text, sentences);
        return new Tags(countries.tag(text, sentences, analysis.entities()), analysis.persons());
    }

    /** What an article mentions, each list most mentioned first. */
    public record Tags(List<CountryTag> countries, List<PersonTag> persons) {

        public Tags {
            countries = List.copyOf(countries);
            persons = List.copyOf(persons);
        }
    }
}
