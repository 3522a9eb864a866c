package io.newsflow.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.app.cli.Newsflow;
import io.newsflow.core.json.JsonCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** One run of the real {@code newsflow} command line, with what it printed on stdout and stderr. */
public record CommandRun(int exitCode, String out, String err) {

    public static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsflow.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** The one JSON line a successful eval, bench or admin command printed; fails the test otherwise. */
    public JsonNode json() {
        if (exitCode != 0) {
            throw new AssertionError("exit code " + exitCode + ": " + err);
        }
        String line = out.strip();
        if (line.isEmpty() || line.lines().count() != 1) {
            throw new AssertionError("expected one JSON line on stdout, got: " + out);
        }
        try {
            return JsonCodec.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }
}
