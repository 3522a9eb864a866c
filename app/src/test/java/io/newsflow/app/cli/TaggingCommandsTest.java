package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.app.testing.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggingCommandsTest {

    @TempDir
    Path dir;

    @Test
    void unreadableInputIsAUsageError() {
        CommandRun eval = CommandRun.of("eval", "persons", "--conll", dir.resolve("missing.txt").toString());
        assertEquals(2, eval.exitCode());
        assertTrue(eval.err().contains("cannot read"), eval.err());
        assertEquals(2, CommandRun.of("train", "persons", "--conll", dir.resolve("missing.txt").toString(), "--out", "m.gz").exitCode());
    }

    @Test
    void trainsEvaluatesAndBenchesFromTheCommandLine() throws IOException {
        Path conll = dir.resolve("tiny.txt");
        Files.writeString(conll, """
                -DOCSTART- -X- -X- O

                Rex NNP B-NP B-PER
                Tillerson NNP I-NP I-PER
                visited VBD B-VP O
                Beijing NNP B-NP B-LOC
                . . O O
                """);
        Path model = dir.resolve("model.gz");
        JsonNode trained = CommandRun.of("train", "persons", "--conll", conll.toString(), "--out", model.toString(),
                "--epochs", "3").json();
        assertEquals(5, trained.get("tokens").asInt());
        assertTrue(Files.size(model) > 0);
        JsonNode persons = CommandRun.of("eval", "persons", "--conll", conll.toString()).json();
        assertEquals(1.0, persons.get("f1").asDouble());
        assertTrue(persons.has("tokensPerSecond"));
        Path jsonl = dir.resolve("gold.jsonl");
        Files.writeString(jsonl, "{\"id\":\"1\",\"text\":\"Rex Tillerson visited Beijing.\",\"countries\":[\"CN\"]}\n");
        JsonNode countries = CommandRun.of("eval", "countries", "--jsonl", jsonl.toString()).json();
        assertEquals(1.0, countries.get("f1").asDouble());
        assertEquals(1, countries.get("documents").asInt());
        Path errors = dir.resolve("errors.jsonl");
        Files.writeString(jsonl, "{\"id\":\"1\",\"text\":\"Rex Tillerson visited Lima.\",\"countries\":[\"CN\"]}\n");
        CommandRun.of("eval", "countries", "--jsonl", jsonl.toString(), "--errors", errors.toString()).json();
        assertTrue(Files.readString(errors).contains("\"missed\":{\"CN\":[]}"), Files.readString(errors));
        Files.writeString(jsonl, "{\"id\":\"1\",\"text\":\"Rex Tillerson visited Beijing.\",\"countries\":[\"CN\"]}\n");
        Path reference = Files.createDirectories(dir.resolve("reference"));
        Files.writeString(reference.resolve("geonames_countryInfo.txt"),
                "CN\tCHN\t156\tCH\tChina\tBeijing\t9596960\t1\tAS\t.cn\tCNY\tYuan\t86\t\t\tzh\t1814991\t\t\n");
        Files.writeString(reference.resolve("mordecai_nat_df.csv"), "nationality,alpha_3_code\nChinese,CHN\n");
        Files.writeString(reference.resolve("cliff_wikipedia-demonyms.tsv"), "Country name\tAdjectivals\tDemonyms\n");
        Path xml = dir.resolve("geowebnews.xml");
        Files.writeString(xml, "<articles><article file=\"1\"><text>Rex Tillerson visited Beijing.</text><toponyms>"
                + "<toponym><extractedName>Beijing</extractedName><normalisedName>Beijing</normalisedName>"
                + "<type>Literal</type><start>22</start><end>29</end><geonamesID>1816670</geonamesID></toponym>"
                + "</toponyms></article></articles>");
        JsonNode web = CommandRun.of("eval", "countries", "--geowebnews", xml.toString()).json();
        assertEquals(1.0, web.get("f1").asDouble());
        assertEquals(1.0, web.get("mentionF1").asDouble());
        assertEquals(2, CommandRun.of("eval", "countries", "--geowebnews", xml.toString(), "--jsonl", jsonl.toString()).exitCode());
        CommandRun noReference = CommandRun.of("eval", "countries", "--geowebnews", xml.toString(), "--reference",
                dir.resolve("none").toString());
        assertEquals(2, noReference.exitCode());
        assertTrue(noReference.err().contains("not a directory"), noReference.err());
        JsonNode bench = CommandRun.of("bench", "tagging", "--conll", conll.toString(), "--warmup", "0", "--rounds", "1").json();
        assertEquals(1, bench.get("documents").asInt());
        assertTrue(bench.has("tokensPerSecond"));
    }

    @Test
    void scoresPersonIdentityOnAGoldFile() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/news.jsonl"), """
                {"id": "a", "text": "Former President Bill Clinton spoke at the event on Tuesday in New York. Clinton said the foundation would grow."}
                {"id": "b", "text": "Former President Clinton said on Wednesday that the foundation would continue its work. Clinton spoke in New York."}
                """);
        Path gold = dir.resolve("gold.tsv");
        Files.writeString(gold, "# corpus, document, surface, person\n"
                + "news.jsonl\ta\tBill Clinton\tBill Clinton\n"
                + "news.jsonl\tb\tClinton\tBill Clinton\n");

        JsonNode result = CommandRun.of("eval", "person-identity", "--data", dir.resolve("data").toString(), "--gold", gold.toString())
                .json();

        assertEquals(1.0, result.path("registry").path("recall").asDouble(), result.toString());
        assertEquals(0.0, result.path("namesAlone").path("recall").asDouble(), result.toString());
        assertEquals(2, result.path("mentions").asInt());
        assertEquals(2, CommandRun.of("eval", "person-identity", "--data", dir.resolve("none").toString()).exitCode());
    }
}
