package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.app.testing.CommandRun;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Span;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code newsflow tail} against the shared embedded broker, with articles published under unique names. */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class TailCommandIT {

    private final String person = "Ada Uniquename-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    @Timeout(60)
    void printsOneReadableLinePerMatchingArticle(EmbeddedKafka kafka) {
        TestArticles.publish(kafka, List.of(
                TestArticles.naming(TestArticles.uniqueId(), "Someone else entirely", "Bob Othername-" + UUID.randomUUID()),
                TestArticles.naming(TestArticles.uniqueId(), "Harbour talks resume", person)));

        CommandRun run = CommandRun.of("tail", "--kafka-bootstrap", kafka.bootstrapServers(), "--from-beginning",
                "--person", person.toUpperCase(java.util.Locale.ROOT), "--limit", "1");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.size(), run.out());
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ  newsflow-it  Harbour talks resume  \\[\\]  \\["
                + java.util.regex.Pattern.quote(person) + "\\]"), lines.get(0));
    }

    @Test
    @Timeout(60)
    void countryAndPersonFiltersMustBothMatch(EmbeddedKafka kafka) {
        String text = "Ministers met " + person + " in Pyongyang.";
        Article withCountry = TestArticles.article(TestArticles.uniqueId(), "Envoy in Pyongyang", text,
                List.of(new CountryTag("KP", "North Korea", 1, List.of(new Span(text.indexOf("Pyongyang"), text.indexOf("Pyongyang") + 9, "Pyongyang", "capital")))),
                List.of(new PersonTag(person, 1, List.of(new Span(14, 14 + person.length(), person, null)))));
        TestArticles.publish(kafka, List.of(TestArticles.naming(TestArticles.uniqueId(), "Without a country", person), withCountry));

        CommandRun run = CommandRun.of("tail", "--kafka-bootstrap", kafka.bootstrapServers(), "--from-beginning",
                "--country", "kp", "--person", person, "--limit", "1");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Envoy in Pyongyang  [KP]"), run.out());
    }

    @Test
    @Timeout(60)
    void jsonPrintsTheArticleSchema(EmbeddedKafka kafka) throws Exception {
        String id = TestArticles.uniqueId();
        TestArticles.publish(kafka, List.of(TestArticles.naming(id, "Harbour\u001b[31m red\u0007", person)));

        CommandRun run = CommandRun.of("tail", "--kafka-bootstrap", kafka.bootstrapServers(), "--from-beginning",
                "--person", person, "--json", "--limit", "1");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JsonCodec.MAPPER.readTree(run.out().strip());
        assertEquals("article/1", json.path("schema").asText());
        assertEquals(id, json.path("id").asText());
        assertEquals(person, json.path("persons").get(0).path("name").asText());
    }

    @Test
    @Timeout(60)
    void readableLinesCarryNoTerminalControlCharacters(EmbeddedKafka kafka) {
        TestArticles.publish(kafka, List.of(TestArticles.naming(TestArticles.uniqueId(), "Harbour\u001b[31m red\u0007", person)));

        CommandRun run = CommandRun.of("tail", "--kafka-bootstrap", kafka.bootstrapServers(), "--from-beginning",
                "--person", person, "--limit", "1");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Harbour [31m red"), run.out());
        assertTrue(run.out().chars().noneMatch(c -> c == 0x1b || c == 0x07), run.out());
    }

    @Test
    @Timeout(60)
    void unreachableBrokerExitsWithOne() {
        CommandRun run = CommandRun.of("tail", "--kafka-bootstrap", "127.0.0.1:1", "--limit", "1");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains("cannot reach Kafka at 127.0.0.1:1"), run.err());
    }

    @Test
    @Timeout(60)
    void distinctStoryShowsOneArticleOfEachStory(EmbeddedKafka kafka) {
        String wire = TestArticles.uniqueId();
        TestArticles.publish(kafka, List.of(
                TestArticles.naming(wire, "Wire story", person).withStory(wire, null),
                TestArticles.naming(TestArticles.uniqueId(), "Copy of the wire story", person).withStory(wire, 0.72),
                TestArticles.naming(TestArticles.uniqueId(), "Another story", person)));

        CommandRun run = CommandRun.of("tail", "--kafka-bootstrap", kafka.bootstrapServers(), "--from-beginning",
                "--person", person, "--distinct", "story", "--limit", "2");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        // the pages topic has several partitions: whichever of the wire story and its copy comes first stands for both
        assertEquals(1, lines.stream().filter(l -> l.contains("Wire story") || l.contains("Copy of the wire story")).count(),
                run.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("Another story")), run.out());
    }

    @Test
    void distinctOtherThanStoryIsAUsageError() {
        CommandRun run = CommandRun.of("tail", "--distinct", "url");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--distinct must be 'story', was 'url'"), run.err());
    }

    @Test
    void limitBelowOneIsAUsageError() {
        CommandRun run = CommandRun.of("tail", "--limit", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--limit must be at least 1"), run.err());
    }
}
