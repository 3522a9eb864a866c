package io.newsflow.app.eval.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads GeoWebNews (Gritta et al. 2019, {@code geowebnews.xml}) as country-tagging gold. The corpus
 * types every place span; a document's countries are those its spans refer to as places
 * (Literal, Literal_Modifier, Non_Literal_Modifier, Metonymic, Mixed, Coercion) when the span's
 * GeoNames id is a country's or its normalised name is a country's capital, plus Demonym spans
 * ("Mexicans") through the nationality tables. Spans embedded in another name
 * (Embedded_Literal, Embedded_Non_Lit: "Syrian" in "Syrian Observatory for Human Rights"),
 * homonyms, languages and non-toponyms refer to no country, as in LGL's annotation.
 */
public final class GeoWebNews {

    private static final Set<String> PLACE_TYPES = Set.of("Literal", "Literal_Modifier", "Non_Literal_Modifier",
            "Metonymic", "Mixed", "Coercion");

    /** The documents, and how many articles could not be read (no text, bad offsets). */
    public record Corpus(List<CountryEval.Document> documents, int skipped) {
    }

    private GeoWebNews() {
    }

    /** Reads {@code xml}, mapping places to countries with the reference files in {@code reference}. */
    public static Corpus read(Path xml, Path reference) throws IOException {
        CountryReference ref = CountryReference.read(reference);
        org.w3c.dom.Document dom;
        try (InputStream in = Files.newInputStream(xml)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            dom = factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not GeoWebNews XML: " + xml + ": " + e.getMessage(), e);
        }
        List<CountryEval.Document> docs = new ArrayList<>();
        int skipped = 0;
        NodeList articles = dom.getElementsByTagName("article");
        for (int i = 0; i < articles.getLength(); i++) {
            Element article = (Element) articles.item(i);
            CountryEval.Document doc = document(article, ref);
            if (doc == null) {
                skipped++;
            } else {
                docs.add(doc);
            }
        }
        return new Corpus(docs, skipped);
    }

    private static CountryEval.@Nullable Document document(Element article, CountryReference ref) {
        String text = child(article, "text");
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<String> countries = new HashSet<>();
        List<CountryEval.GoldMention> mentions = new ArrayList<>();
        NodeList toponyms = article.getElementsByTagName("toponym");
        for (int t = 0; t < toponyms.getLength(); t++) {
            Element toponym = (Element) toponyms.item(t);
            String code = country(toponym, ref);
            if (code == null) {
                continue;
            }
            int start;
            int end;
            try {
                start = Integer.parseInt(child(toponym, "start"));
                end = Integer.parseInt(child(toponym, "end"));
            } catch (NumberFormatException e) {
                return null;
            }
            if (start < 0 || end > text.length() || start >= end) {
                return null;
            }
            countries.add(code);
            mentions.add(new CountryEval.GoldMention(start, end, code));
        }
        return new CountryEval.Document(article.getAttribute("file"), text, countries, mentions);
    }

    private static @Nullable String country(Element toponym, CountryReference ref) {
        String type = child(toponym, "type");
        if ("Demonym".equals(type)) {
            String name = child(toponym, "extractedName");
            return name == null ? null : ref.demonym(name.strip());
        }
        if (!PLACE_TYPES.contains(type)) {
            return null;
        }
        String id = child(toponym, "geonamesID");
        String code = id == null || id.isBlank() ? null : ref.country(id.strip());
        if (code != null) {
            return code;
        }
        String normalised = child(toponym, "normalisedName");
        return normalised == null || normalised.isBlank() ? null : ref.capitalOf(normalised.strip());
    }

    private static @Nullable String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
