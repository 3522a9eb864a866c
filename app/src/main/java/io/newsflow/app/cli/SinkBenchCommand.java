package io.newsflow.app.cli;

import io.newsflow.app.bench.WriteBench;
import io.newsflow.sink.jdbc.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow bench sink}: rows per second into SQLite or PostgreSQL, one JSON line. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Write synthetic articles into a store in batches, then again (all stale); prints rows/s as one JSON line.")
final class SinkBenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--jdbc-url", description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB (default: SQLite in a temp dir)")
    private String jdbcUrl;

    @Option(names = "--user", defaultValue = "", description = "database user")
    private String user;

    @Option(names = "--password-env", description = "environment variable holding the database password")
    private String passwordEnv;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10000",
            description = "new articles written before the measurement and reported apart (default ${DEFAULT-VALUE})")
    private int warmup;

    @Option(names = "--rows", defaultValue = "20000", description = "articles to write (default ${DEFAULT-VALUE})")
    private int rows;

    @Option(names = "--batch-size", defaultValue = "500", description = "articles per transaction (default ${DEFAULT-VALUE}, as the sink)")
    private int batchSize;

    @Option(names = "--writers", defaultValue = "2",
            description = "connections each batch is written on at once, as newsflow.sink.writers (default ${DEFAULT-VALUE}; SQLite: always 1)")
    private int writers;

    @Override
    public Integer call() throws Exception {
        Path temp = null;
        String url = jdbcUrl;
        if (url == null) {
            temp = Files.createTempDirectory("newsflow-bench");
            url = "jdbc:sqlite:" + temp.resolve("bench.db");
        }
        String password = passwordEnv == null ? "" : System.getenv().getOrDefault(passwordEnv, "");
        try {
            WriteBench.Result result = WriteBench.run(Database.of(url, user, password),
                    new WriteBench.Settings(warmup, rows, batchSize, writers));
            JsonLine.print(spec, result.json());
            return 0;
        } finally {
            if (temp != null) {
                Utils.delete(temp.toFile());
            }
        }
    }
}
