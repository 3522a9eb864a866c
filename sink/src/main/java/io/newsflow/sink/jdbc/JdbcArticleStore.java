package io.newsflow.sink.jdbc;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Revision;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ArticleStore} over JDBC for SQLite and PostgreSQL: same logical schema, the dialect
 * decides column types (JSON text or JSONB, text or timestamptz). A batch is a few JDBC batches
 * in one transaction: the version-guarded upserts, then, for the articles that changed, their
 * country and person rows replaced, then the revisions, each inserted unless already stored.
 *
 * <p>One connection, opened lazily and dropped on any failure but a data error, so a restarted
 * database is picked up by the next write. When the database is down at start-up the schema is
 * migrated on the first connection that succeeds.
 */
public final class JdbcArticleStore implements ArticleStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcArticleStore.class);

    private static final String UPSERT = """
            INSERT INTO articles (id, url, source, title, authors, published_at, modified_at, section, lead,
                language, image, text, word_count, content_sha256, version, fetched_at, stored_at,
                extractor_version, tagger_version, dated_at, story_id, story_overlap)
            VALUES (?, ?, ?, ?, %1$s, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET url = excluded.url, source = excluded.source,
                title = excluded.title, authors = excluded.authors, published_at = excluded.published_at,
                modified_at = excluded.modified_at, section = excluded.section, lead = excluded.lead,
                language = excluded.language, image = excluded.image, text = excluded.text,
                word_count = excluded.word_count, content_sha256 = excluded.content_sha256,
                version = excluded.version, fetched_at = excluded.fetched_at, stored_at = excluded.stored_at,
                extractor_version = excluded.extractor_version, tagger_version = excluded.tagger_version,
                dated_at = excluded.dated_at, story_id = excluded.story_id, story_overlap = excluded.story_overlap
            WHERE articles.version < excluded.version
            """;

    private static final String REVISION = """
            INSERT INTO article_revisions (article_id, new_version, old_version, url, source, detected_at, fields,
                old_snapshot, new_snapshot, changes, stored_at)
            VALUES (?, ?, ?, ?, ?, ?, %1$s, %1$s, %1$s, %1$s, ?)
            ON CONFLICT (article_id, new_version) DO NOTHING
            """;

    private final Database database;
    private final String upsertSql;
    private final String revisionSql;
    private final String countrySql;
    private final String personSql;
    private @Nullable Connection connection;
    private boolean migrated;

    /**
     * Opens the store and brings its schema up to date. A database that is unreachable now is
     * tolerated (the sink retries); a wrong schema, password or URL fails here.
     */
    public JdbcArticleStore(String jdbcUrl, String user, String password) throws SQLException {
        this(Database.of(jdbcUrl, user, password));
    }

    public JdbcArticleStore(Database database) throws SQLException {
        this.database = requireNonNull(database, "database");
        String json = database.dialect().jsonParameter();
        this.upsertSql = UPSERT.formatted(json);
        this.revisionSql = REVISION.formatted(json);
        this.countrySql = "INSERT INTO article_countries (article_id, code, name, mentions, spans) VALUES (?, ?, ?, ?, "
                + json + ")";
        this.personSql = "INSERT INTO article_persons (article_id, name, mentions, spans) VALUES (?, ?, ?, " + json + ")";
        try {
            connection();
        } catch (SQLException e) {
            if (WriteFailure.of(e) != WriteFailure.TRANSIENT) {
                throw e;
            }
            LOG.warn("database {} unavailable at start ({}); the schema is migrated once it answers", database, e.getMessage());
        }
    }

    @Override
    public synchronized Written write(List<Article> articles, List<Revision> revisions) throws SQLException {
        if (articles.isEmpty() && revisions.isEmpty()) {
            return new Written(0, 0);
        }
        Connection c = connection();
        try {
            c.setAutoCommit(false);
            int written = 0;
            if (!articles.isEmpty()) {
                Map<String, Article> changed = new LinkedHashMap<>();
                written = upsert(c, articles, changed);
                if (!changed.isEmpty()) {
                    replaceTags(c, changed);
                }
            }
            int revised = revisions.isEmpty() ? 0 : insertRevisions(c, revisions);
            c.commit();
            return new Written(written, revised);
        } catch (SQLException e) {
            if (WriteFailure.of(e) == WriteFailure.DATA) {
                rollback(c, e);
            } else {
                discardConnection();
            }
            throw e;
        }
    }

    /**
     * Upserts every article and returns how many changed a row; those go into {@code changed}, the
     * last of each id winning, since a later version in the same batch changed the row after an
     * earlier one.
     */
    private int upsert(Connection c, List<Article> batch, Map<String, Article> changed) throws SQLException {
        int written = 0;
        Instant storedAt = Instant.now();
        try (PreparedStatement upsert = c.prepareStatement(upsertSql)) {
            for (Article a : batch) {
                bindArticle(upsert, a, storedAt);
                upsert.addBatch();
            }
            int[] counts = upsert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                Article a = batch.get(i);
                // a driver that rewrites batches (pgjdbc reWriteBatchedInserts) reports no counts:
                // then the row changed if it now holds this version
                if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO && storedVersion(c, a.id()) == a.version()) {
                    changed.put(a.id(), a);
                    written++;
                }
            }
        }
        return written;
    }

    /** Inserts the revisions not stored yet and returns how many that was. */
    private int insertRevisions(Connection c, List<Revision> revisions) throws SQLException {
        Dialect dialect = database.dialect();
        Instant storedAt = Instant.now();
        int written = 0;
        try (PreparedStatement insert = c.prepareStatement(revisionSql)) {
            for (Revision r : revisions) {
                int i = 1;
                insert.setString(i++, r.articleId());
                insert.setInt(i++, r.newVersion());
                insert.setInt(i++, r.oldVersion());
                insert.setString(i++, r.url());
                insert.setString(i++, r.source());
                dialect.bindInstant(insert, i++, r.detectedAt());
                insert.setString(i++, json(r.changes().fields()));
                insert.setString(i++, json(r.before()));
                insert.setString(i++, json(r.after()));
                insert.setString(i++, json(r.changes()));
                dialect.bindInstant(insert, i, storedAt);
                insert.addBatch();
            }
            for (int count : insert.executeBatch()) {
                // a rewritten batch (pgjdbc reWriteBatchedInserts) reports no counts: counted as written
                if (count > 0 || count == Statement.SUCCESS_NO_INFO) {
                    written++;
                }
            }
        }
        return written;
    }

    private static int storedVersion(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM articles WHERE id = ?")) {
            ps.setString(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private void replaceTags(Connection c, Map<String, Article> changed) throws SQLException {
        try (PreparedStatement deleteCountries = c.prepareStatement("DELETE FROM article_countries WHERE article_id = ?");
                PreparedStatement deletePersons = c.prepareStatement("DELETE FROM article_persons WHERE article_id = ?")) {
            for (String id : changed.keySet()) {
                deleteCountries.setString(1, id);
                deleteCountries.addBatch();
                deletePersons.setString(1, id);
                deletePersons.addBatch();
            }
            deleteCountries.executeBatch();
            deletePersons.executeBatch();
        }
        try (PreparedStatement country = c.prepareStatement(countrySql);
                PreparedStatement person = c.prepareStatement(personSql)) {
            boolean countries = false;
            boolean persons = false;
            for (Article a : changed.values()) {
                for (CountryTag tag : a.countries()) {
                    country.setString(1, a.id());
                    country.setString(2, tag.code());
                    country.setString(3, tag.name());
                    country.setInt(4, tag.count());
                    country.setString(5, json(tag.mentions()));
                    country.addBatch();
                    countries = true;
                }
                for (PersonTag tag : a.persons()) {
                    person.setString(1, a.id());
                    person.setString(2, tag.name());
                    person.setInt(3, tag.count());
                    person.setString(4, json(tag.mentions()));
                    person.addBatch();
                    persons = true;
                }
            }
            if (countries) {
                country.executeBatch();
            }
            if (persons) {
                person.executeBatch();
            }
        }
    }

    private void bindArticle(PreparedStatement ps, Article a, Instant storedAt) throws SQLException {
        Dialect dialect = database.dialect();
        int i = 1;
        ps.setString(i++, a.id());
        ps.setString(i++, a.url());
        ps.setString(i++, a.source());
        ps.setString(i++, a.title());
        ps.setString(i++, json(a.authors()));
        dialect.bindInstant(ps, i++, a.publishedAt());
        dialect.bindInstant(ps, i++, a.modifiedAt());
        ps.setString(i++, a.section());
        ps.setString(i++, a.lead());
        ps.setString(i++, a.language());
        ps.setString(i++, a.image());
        ps.setString(i++, a.text());
        ps.setInt(i++, a.wordCount());
        ps.setString(i++, a.contentSha256());
        ps.setInt(i++, a.version());
        dialect.bindInstant(ps, i++, a.fetchedAt());
        dialect.bindInstant(ps, i++, storedAt);
        ps.setString(i++, a.extractorVersion());
        ps.setString(i++, a.taggerVersion());
        dialect.bindInstant(ps, i++, a.publishedAt() != null ? a.publishedAt() : a.fetchedAt());
        ps.setString(i++, a.storyId());
        if (a.storyOverlap() == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, a.storyOverlap());
        }
    }

    private static String json(Object value) {
        return new String(JsonCodec.encode(value), StandardCharsets.UTF_8);
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            if (!migrated) {
                Migrations.apply(database);
                migrated = true;
            }
            connection = database.open();
        }
        return connection;
    }

    private static void rollback(Connection c, SQLException failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
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
