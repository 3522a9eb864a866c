package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NewsflowCommandTest {

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Newsflow.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(out));
        return cli.execute(args);
    }

    @Test
    void missingCommandIsAUsageError() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("missing command"), err.toString());
    }

    @Test
    void misspeltConfigKeyIsAUsageErrorNamingTheKeyAndTheNearestOne(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("newsflow.yaml");
        Files.writeString(config, "newsflow:\n  ingest.fetch.dealy.ms: 500\n");
        assertEquals(2, run("ingest", "--config", config.toString()));
        assertEquals("ingest: invalid configuration: unknown key newsflow.ingest.fetch.dealy.ms: did you mean newsflow.ingest.fetch.delay.ms?",
                err.toString().strip());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("up", "--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
    }

    @Test
    void helpListsTheStages() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        int commands = help.indexOf("Commands:");
        assertTrue(commands >= 0, help);
        // each command starts a line of the list, not just a word somewhere in the description
        String list = help.substring(commands);
        for (String command : new String[] {"up", "ingest", "enrich", "sink", "tail", "stats", "sources", "eval", "bench", "train", "dlq",
                "reprocess"}) {
            assertTrue(Pattern.compile("(?m)^\\s+" + command + "\\s").matcher(list).find(), command + " in\n" + list);
        }
    }

    @Test
    void dlqWithoutSubcommandIsAUsageError() {
        assertEquals(2, run("dlq"));
        assertTrue(err.toString().contains("missing subcommand"), err.toString());
    }

    @Test
    void unparseableSinceIsAUsageErrorNamingTheValue() {
        assertEquals(2, run("dlq", "list", "--since", "yesterday"));
        assertTrue(err.toString().contains("'yesterday'"), err.toString());
    }
}
