package io.newsflow.app.cli;

import io.newsflow.core.json.JsonCodec;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one JSON line an eval, bench or admin command prints as its result, on the command line's
 * output: scripts read it from stdout, and tests read the same stream through picocli.
 */
final class JsonLine {

    private JsonLine() {
    }

    static void print(CommandSpec spec, Object value) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(new String(JsonCodec.encode(value), StandardCharsets.UTF_8));
        out.flush();
    }
}
