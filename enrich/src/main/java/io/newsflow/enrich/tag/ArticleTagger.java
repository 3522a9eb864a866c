package io.newsflow.enrich.tag;

import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import io.newsflow.enrich.tag.country.CountryTagger;
import io.newsflow.enrich.tag.person.PersonTagger;
import io.newsflow.enrich.tag.text.Token;
import io.newsflow.enrich.tag.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;

/**
 * Tags an article's text with the countries and persons it mentions. One tokenisation feeds both
 * taggers; the sequence model's entity spans let the country tagger skip names inside persons and
 * organisations. Thread-safe; the shipped model and gazetteer load once per process.
 */
public final class ArticleTagger {

    /** Recorded on every article so readers know which tagger produced its tags. */
    public static final String VERSION = "tagger/3 (persons: perceptron conll2003 v1, bare names linked by the person registry; countries: gazetteer v2)";

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
        List<CountryTag> countryTags = countries.tag(text, sentences, analysis.entities());
        return new Tags(countryTags, withoutCountries(analysis.persons(), countryTags));
    }

    // a lone word both read as a person and kept as a country ("Pyongyang said") is the country
    private static List<PersonTag> withoutCountries(List<PersonTag> persons, List<CountryTag> countries) {
        Set<Integer> countryStarts = new HashSet<>();
        for (CountryTag c : countries) {
            c.mentions().forEach(m -> countryStarts.add(m.start()));
        }
        List<PersonTag> kept = new ArrayList<>(persons.size());
        for (PersonTag p : persons) {
            boolean allCountries = p.name().indexOf(' ') < 0
                    && p.mentions().stream().allMatch(m -> countryStarts.contains(m.start()));
            if (!allCountries) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** What an article mentions, each list most mentioned first. */
    public record Tags(List<CountryTag> countries, List<PersonTag> persons) {

        public Tags {
            countries = List.copyOf(countries);
            persons = List.copyOf(persons);
        }
    }
}
