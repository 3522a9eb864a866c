package io.newsflow.sink.jdbc;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Where the articles live: a JDBC URL with its credentials and dialect. Opens connections with the
 * dialect's defaults (SQLite in WAL mode, PostgreSQL with connect and socket timeouts); settings
 * in the URL win. The password is never part of {@link #toString()}.
 */
public final class Database {

    private final String url;
    private final Dialect dialect;
    private final Properties properties;
    private final Properties writerProperties;

    private Database(String url, Dialect dialect, Properties properties) {
        this.url = url;
        this.dialect = dialect;
        this.writerProperties = new Properties();
        writerProperties.putAll(properties);
        writerProperties.putAll(dialect.writerProperties());
        // sqlite-jdbc lets a property win over the same setting in the URL, so the URL's are dropped here
        for (String key : urlSettings(url)) {
            properties.remove(key);
            writerProperties.remove(key);
        }
        this.properties = properties;
    }

    /** The names of the settings in the URL's query, {@code ?name=value&...}. */
    private static List<String> urlSettings(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return List.of();
        }
        return Arrays.stream(url.substring(query + 1).split("&"))
                .map(setting -> setting.contains("=") ? setting.substring(0, setting.indexOf('=')) : setting)
                .filter(name -> !name.isEmpty())
                .toList();
    }

    /**
     * @param jdbcUrl {@code jdbc:sqlite:FILE[?pragma=value...]} or {@code jdbc:postgresql://HOST:PORT/DB[?...]}
     * @param user empty for none
     * @param password empty for none
     */
    public static Database of(String jdbcUrl, String user, String password) {
        requireNonNull(jdbcUrl, "jdbcUrl");
        requireNonNull(user, "user");
        requireNonNull(password, "password");
        Dialect dialect = Dialect.of(jdbcUrl);
        Properties properties = dialect.connectionProperties();
        if (!user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        return new Database(jdbcUrl, dialect, properties);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Opens a new connection in auto-commit mode, set up as the sink writes (a larger cache on SQLite). */
    public Connection open() throws SQLException {
        if (dialect == Dialect.SQLITE) {
            createParentDirectory();
        }
        return DriverManager.getConnection(url, writerProperties);
    }

    /**
     * A pool of at most {@code size} connections with the dialect's defaults, without the writer's
     * additions to them. It starts empty and connects on first use, so a database that is down at
     * start-up only fails the calls made while it is down. {@code readOnly} applies where the
     * driver can switch a connection to it (PostgreSQL); SQLite readers never block the writer in
     * WAL mode anyway.
     */
    public HikariDataSource pool(String name, int size, boolean readOnly) {
        if (dialect == Dialect.SQLITE) {
            try {
                createParentDirectory();
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setReadOnly(readOnly && dialect == Dialect.POSTGRESQL);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private void createParentDirectory() throws SQLException {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new SQLException("cannot create directory " + parent + ": " + e.getMessage(), "58030", e);
        }
    }

    @Override
    public String toString() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
