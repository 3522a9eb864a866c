package io.newsflow.sink.jdbc;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ArticleStore} over JDBC for SQLite and PostgreSQL: same logical schema, the dialect
 * decides column types (JSON text or JSONB, text or timestamptz).
 */
public final class JdbcArticleStore implements ArticleStore {

    private static final String UPSERT = """
            INSERT INTO articles (id, url, source, title, authors, published_at, modified_at, section, lead,
                language, image, text, word_count, content_sha256, version, fetched_at, stored_at,
                extractor_version, tagger_version)
            VALUES (?, ?, ?, ?, %1$s, %2$s, %2$s, ?, ?, ?, ?, ?, ?, ?, ?, %2$s, %2$s, ?, ?)
            ON CONFLICT (id) DO UPDATE SET url = excluded.url, source = excluded.source,
                title = excluded.title, authors = excluded.authors, published_at = excluded.published_at,
                modified_at = excluded.modified_at, section = excluded.section, lead = excluded.lead,
                language = excluded.language, image = excluded.image, text = excluded.text,
                word_count = excluded.word_count, content_sha256 = excluded.content_sha256,
                version = excluded.version, fetched_at = excluded.fetched_at, stored_at = excluded.stored_at,
                extractor_version = excluded.extractor_version, tagger_version = excluded.tagger_version
            WHERE articles.version < excluded.version
            """;

    private final String url;
    private final Properties credentials;
    private final Dialect dialect;
    private final String upsertSql;
    private final String countrySql;
    private final String personSql;
    private @Nullable Connection connection;

    /** Opens the store and brings its schema up to date. */
    public JdbcArticleStore(String jdbcUrl, String user, String password) throws SQLException {
        this.url = requireNonNull(jdbcUrl, "jdbcUrl");
        this.dialect = Dialect.of(jdbcUrl);
        this.credentials = new Properties();
        if (!user.isEmpty()) {
            credentials.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        String json = dialect == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?";
        String time = dialect == Dialect.POSTGRESQL ? "CAST(? AS TIMESTAMPTZ)" : "?";
        this.upsertSql = UPSERT.formatted(json, time);
        this.countrySql = "INSERT INTO article_countries (article_id, code, name, mentions, spans) VALUES (?, ?, ?, ?, "
                + json + ")";
        this.personSql = "INSERT INTO article_persons (article_id, name, mentions, spans) VALUES (?, ?, ?, " + json + ")";
        if (dialect == Dialect.SQLITE) {
            createParentDirectory(jdbcUrl.substring("jdbc:sqlite:".length()));
        }
        Migrations.apply(connection(), dialect.resourceDir());
    }

    private static void createParentDirectory(String file) throws SQLException {
        java.nio.file.Path parent = java.nio.file.Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create directory " + parent + ": " + e.getMessage(), e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public synchronized int write(List<Article> batch) throws SQLException {
        Connection c = connection();
        try {
            c.setAutoCommit(false);
            int written = 0;
            String storedAt = Instant.now().toString();
            try (PreparedStatement upsert = c.prepareStatement(upsertSql);
                    PreparedStatement deleteCountries = c.prepareStatement("DELETE FROM article_countries WHERE article_id = ?");
                    PreparedStatement deletePersons = c.prepareStatement("DELETE FROM article_persons WHERE article_id = ?");
                    PreparedStatement country = c.prepareStatement(countrySql);
                    PreparedStatement person = c.prepareStatement(personSql)) {
                for (Article a : batch) {
                    bindArticle(upsert, a, storedAt);
                    if (upsert.executeUpdate() == 0) {
                        continue;
                    }
                    written++;
                    deleteCountries.setString(1, a.id());
                    deleteCountries.executeUpdate();
                    deletePersons.setString(1, a.id());
                    deletePersons.executeUpdate();
                    for (CountryTag tag : a.countries()) {
                        country.setString(1, a.id());
                        country.setString(2, tag.code());
                        country.setString(3, tag.name());
                        country.setInt(4, tag.count());
                        country.setString(5, new String(JsonCodec.encode(tag.mentions()), java.nio.charset.StandardCharsets.UTF_8));
                        country.addBatch();
                    }
                    for (PersonTag tag : a.persons()) {
                        person.setString(1, a.id());
                        person.setString(2, tag.name());
                        person.setInt(3, tag.count());
                        person.setString(4, new String(JsonCodec.encode(tag.mentions()), java.nio.charset.StandardCharsets.UTF_8));
                        person.addBatch();
                    }
                }
                country.executeBatch();
                person.executeBatch();
            }
            c.commit();
            return written;
        } catch (SQLException | RuntimeException e) {
            discardConnection();
            throw e;
        }
    }

    private static void bindArticle(PreparedStatement ps, Article a, String storedAt) throws SQLException {
        int i = 1;
        ps.setString(i++, a.id());
        ps.setString(i++, a.url());
        ps.setString(i++, a.source());
        ps.setString(i++, a.title());
        ps.setString(i++, new String(JsonCodec.encode(a.authors()), java.nio.charset.StandardCharsets.UTF_8));
        setInstant(ps, i++, a.publishedAt());
        setInstant(ps, i++, a.modifiedAt());
        ps.setString(i++, a.section());
        ps.setString(i++, a.lead());
        ps.setString(i++, a.language());
        ps.setString(i++, a.image());
        ps.setString(i++, a.text());
        ps.setInt(i++, a.wordCount());
        ps.setString(i++, a.contentSha256());
        ps.setInt(i++, a.version());
        setInstant(ps, i++, a.fetchedAt());
        ps.setString(i++, storedAt);
        ps.setString(i++, a.extractorVersion());
        ps.setString(i, a.taggerVersion());
    }

    private static void setInstant(PreparedStatement ps, int index, @Nullable Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, instant.toString());
        }
    }

    @Override
    public synchronized boolean isReachable() {
        try {
            Connection c = connection();
            try (Statement st = c.createStatement()) {
                st.execute("SELECT 1");
            }
            return true;
        } catch (SQLException e) {
            discardConnection();
            return false;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(url, credentials);
            dialect.configure(connection);
        }
        return connection;
    }

    private void discardConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is broken already; a new one is opened on the next write
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        discardConnection();
    }

}
