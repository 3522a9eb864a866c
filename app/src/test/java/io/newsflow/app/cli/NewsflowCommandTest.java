package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.testing.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsflowCommandTest {

    @Test
    void missingCommandIsAUsageError() {
        CommandRun run = CommandRun.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("missing command"), run.err());
    }

    @Test
    void misspeltConfigKeyIsAUsageErrorNamingTheKeyAndTheNearestOne(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("newsflow.yaml");
        Files.writeString(config, "newsflow:\n  ingest.fetch.dealy.ms: 500\n");
        CommandRun run = CommandRun.of("ingest", "--config", config.toString());
        assertEquals(2, run.exitCode());
        assertEquals("ingest: invalid configuration: unknown key newsflow.ingest.fetch.dealy.ms: did you mean newsflow.ingest.fetch.delay.ms?",
                run.err().strip());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CommandRun run = CommandRun.of("up", "--no-such-option");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--no-such-option"), run.err());
    }

    @Test
    void helpListsTheStages() {
        CommandRun run = CommandRun.of("--help");
        assertEquals(0, run.exitCode());
        String help = run.out();
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
        CommandRun run = CommandRun.of("dlq");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("missing subcommand"), run.err());
    }

    @Test
    void unparseableSinceIsAUsageErrorNamingTheValue() {
        CommandRun run = CommandRun.of("dlq", "list", "--since", "yesterday");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'yesterday'"), run.err());
    }
}
