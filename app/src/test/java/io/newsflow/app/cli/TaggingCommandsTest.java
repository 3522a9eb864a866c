package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.core.json.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TaggingCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Newsflow.commandLine();
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    // the commands print their one JSON line on System.out, as a user's shell sees it
    private JsonNode runForJson(String... args) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run(args), err.toString());
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, out.lines().count(), out);
        return JsonCodec.MAPPER.readTree(out);
    }

    @Test
    void unreadableInputIsAUsageError() {
        assertEquals(2, run("eval", "persons", "--conll", dir.resolve("missing.txt").toString()));
        assertTrue(err.toString().contains("cannot read"), err.toString());
        assertEquals(2, run("train", "persons", "--conll", dir.resolve("missing.txt").toString(), "--out", "m.gz"));
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
        JsonNode trained = runForJson("train", "persons", "--conll", conll.toString(), "--out", model.toString(),
                "--epochs", "3");
        assertEquals(5, trained.get("tokens").asInt());
        assertTrue(Files.size(model) > 0);
        JsonNode persons = runForJson("eval", "persons", "--conll", conll.toString());
        assertEquals(1.0, persons.get("f1").asDouble());
        assertTrue(persons.has("tokensPerSecond"));
        Path jsonl = dir.resolve("gold.jsonl");
        Files.writeString(jsonl, "{\"id\":\"1\",\"text\":\"Rex Tillerson visited Beijing.\",\"countries\":[\"CN\"]}\n");
        JsonNode countries = runForJson("eval", "countries", "--jsonl", jsonl.toString());
        assertEquals(1.0, countries.get("f1").asDouble());
        assertEquals(1, countries.get("documents").asInt());
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
        JsonNode web = runForJson("eval", "countries", "--geowebnews", xml.toString());
        assertEquals(1.0, web.get("f1").asDouble());
        assertEquals(1.0, web.get("mentionF1").asDouble());
        assertEquals(2, run("eval", "countries", "--geowebnews", xml.toString(), "--jsonl", jsonl.toString()));
        assertEquals(2, run("eval", "countries", "--geowebnews", xml.toString(), "--reference",
                dir.resolve("none").toString()));
        assertTrue(err.toString().contains("not a directory"), err.toString());
        JsonNode bench = runForJson("bench", "tagging", "--conll", conll.toString(), "--warmup", "0", "--rounds", "1");
        assertEquals(1, bench.get("documents").asInt());
        assertTrue(bench.has("tokensPerSecond"));
    }
}
