package io.newsflow.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Checks of file arguments, failing as a usage error (exit 2) that names the file. */
final class CliFiles {

    private CliFiles() {
    }

    static void requireReadable(CommandLine.Model.CommandSpec spec, Path file) {
        if (!Files.isReadable(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file);
        }
    }

    static void requireDirectory(CommandLine.Model.CommandSpec spec, String option, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": not a directory: " + dir);
        }
    }
}
