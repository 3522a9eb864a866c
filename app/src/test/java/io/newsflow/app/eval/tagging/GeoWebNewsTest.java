package io.newsflow.app.eval.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.tag.ArticleTagger;
import io.newsflow.enrich.tag.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoWebNewsTest {

    @TempDir
    Path dir;

    private Path reference() throws IOException {
        Path ref = Files.createDirectories(dir.resolve("reference"));
        Files.writeString(ref.resolve(CountryReference.COUNTRY_INFO), """
                #ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea\tPopulation\tContinent\ttld\tCurrencyCode\tCurrencyName\tPhone\tPostal\tRegex\tLanguages\tgeonameid\tneighbours\tfips2
                FR\tFRA\t250\tFR\tFrance\tParis\t547030\t1\tEU\t.fr\tEUR\tEuro\t33\t\t\tfr\t3017382\tDE\t
                DE\tDEU\t276\tGM\tGermany\tBerlin\t357021\t1\tEU\t.de\tEUR\tEuro\t49\t\t\tde\t2921044\tFR\t
                MX\tMEX\t484\tMX\tMexico\tMexico City\t1972550\t1\tNA\t.mx\tMXN\tPeso\t52\t\t\tes\t3996063\t\t
                AN\tANT\t530\tNT\tNetherlands Antilles\tWillemstad\t960\t1\tNA\t.an\tANG\tGuilder\t599\t\t\tnl\t\t\t
                """);
        Files.writeString(ref.resolve(CountryReference.NATIONALITIES), "nationality,alpha_3_code\nGerman,DEU\n");
        Files.writeString(ref.resolve(CountryReference.DEMONYMS),
                "Country name\tAdjectivals\tDemonyms\nMexico\tMexican\tMexicans\n");
        return ref;
    }

    private static String toponym(String name, String normalised, String type, String id, int start) {
        return "<toponym><extractedName>" + name + "</extractedName><normalisedName>" + normalised
                + "</normalisedName><type>" + type + "</type><start>" + start + "</start><end>"
                + (start + name.length()) + "</end>" + (id.isEmpty() ? "" : "<geonamesID>" + id + "</geonamesID>")
                + "</toponym>";
    }

    @Test
    void readsCountriesCapitalsAndDemonymsAndLeavesEmbeddedNamesOut() throws IOException {
        String text = "Paris said Mexicans at the Germany Trade Office met in Berlin.";
        Path xml = dir.resolve("gwn.xml");
        Files.writeString(xml, "<articles><article file=\"7\"><title>t</title><text>" + text + "</text><toponyms>"
                + toponym("Paris", "Paris", "Metonymic", "2988507", 0)
                + toponym("Mexicans", "", "Demonym", "", 11)
                + toponym("Germany", "Germany", "Embedded_Non_Lit", "2921044", 27)
                + toponym("Berlin", "Berlin", "Literal", "2950159", 55)
                + toponym("Trade Office", "", "Literal", "", 35)
                + "</toponyms></article>"
                + "<article file=\"8\"><text></text><toponyms/></article></articles>");
        GeoWebNews.Corpus corpus = GeoWebNews.read(xml, reference());
        assertEquals(1, corpus.skipped());
        CountryEval.Document doc = corpus.documents().get(0);
        assertEquals("7", doc.id());
        assertEquals(Set.of("FR", "MX", "DE"), doc.countries());
        assertEquals(List.of(new CountryEval.GoldMention(0, 5, "FR"), new CountryEval.GoldMention(11, 19, "MX"),
                new CountryEval.GoldMention(55, 61, "DE")), doc.mentions());
    }

    @Test
    void badXmlAndMissingReferenceAreClearErrors() throws IOException {
        Path xml = dir.resolve("bad.xml");
        Files.writeString(xml, "<articles><article>");
        Path ref = reference();
        IOException bad = assertThrows(IOException.class, () -> GeoWebNews.read(xml, ref));
        assertTrue(bad.getMessage().contains("not GeoWebNews XML"), bad.getMessage());
        IOException missing = assertThrows(IOException.class, () -> GeoWebNews.read(xml, dir.resolve("nothing")));
        assertTrue(missing.getMessage().contains("reference file missing"), missing.getMessage());
    }

    @Test
    void scoresTheSharedCorpusAboveTheUnseenTarget() throws IOException {
        Path xml = SharedData.require("data/countries/geowebnews.xml");
        GeoWebNews.Corpus corpus = GeoWebNews.read(xml, xml.resolveSibling("reference"));
        CountryEval.Result result = CountryEval.score(ArticleTagger.shipped(), corpus.documents(), corpus.skipped());
        assertTrue(result.documents() >= 190, "documents " + result.documents());
        assertTrue(result.f1() >= 0.93, "GeoWebNews country F1 " + result.f1());
    }
}
