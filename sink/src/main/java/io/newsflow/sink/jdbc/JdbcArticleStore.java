package io.newsflow.sink.jdbc;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonNames;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Revision;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ArticleStore} over JDBC for SQLite and PostgreSQL: same logical schema, the dialect
 * decides column types (JSON text or JSONB, text or timestamptz). A batch is a few JDBC batches
 * in one transaction: one read of the stored versions, multi-row version-guarded upserts of the
 * articles that are newer, then, for those, their country and person rows replaced (multi-row too),
 * then the revisions, each inserted unless already stored. A person row keeps the tag's entity id and
 * the surname key of its name, which the person filter resolves names with.
 *
 * <p>One connection, opened lazily and dropped on any failure but a data error, so a restarted
 * database is picked up by the next write. When the database is down at start-up the schema is
 * migrated on the first connection that succeeds.
 */
public final class JdbcArticleStore implements ArticleStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcArticleStore.class);

    /** Rows per multi-row statement: 100 articles bind 2,200 parameters, far below either database's limit. */
    private static final int ROWS_PER_STATEMENT = 100;

    private static final String UPSERT_HEAD = """
            INSERT INTO articles (id, url, source, title, authors, published_at, modified_at, section, lead,
                language, image, text, word_count, content_sha256, version, fetched_at, stored_at,
                extractor_version, tagger_version, dated_at, story_id, story_overlap)
            VALUES\s""";

    private static final String ARTICLE_ROW = "(?, ?, ?, ?, %1$s, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String UPSERT_TAIL = """

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

    private static final String COUNTRY_INSERT = "INSERT INTO article_countries (article_id, code, name, mentions, spans) VALUES ";

    private static final String PERSON_INSERT = "INSERT INTO article_persons (article_id, name, mentions, spans, entity_id, surname) VALUES ";

    private static final String REVISION = """
            INSERT INTO article_revisions (article_id, new_version, old_version, url, source, detected_at, fields,
                old_snapshot, new_snapshot, changes, stored_at)
            VALUES (?, ?, ?, ?, ?, ?, %1$s, %1$s, %1$s, %1$s, ?)
            ON CONFLICT (article_id, new_version) DO NOTHING
            """;

    private final Database database;
    private final String revisionSql;
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
        this.revisionSql = REVISION.formatted(json);
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
                Set<String> stored = new HashSet<>();
                written = upsert(c, articles, changed, stored);
                if (!changed.isEmpty()) {
                    replaceTags(c, changed, stored);
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
     * Upserts the articles that are newer than their stored row and returns how many of the batch
     * changed a row, counting each version that was newer than the stored one and than every
     * earlier version of its id in the batch. Only the newest version of each id is written (the
     * ones before it would be overwritten in the same transaction), so a redelivered batch costs
     * one read per {@link #ROWS_PER_STATEMENT} ids and no write. The upsert keeps its version guard.
     */
    private int upsert(Connection c, List<Article> batch, Map<String, Article> changed, Set<String> stored)
            throws SQLException {
        Map<String, Integer> newest = storedVersions(c, batch);
        stored.addAll(newest.keySet());
        int written = 0;
        for (Article a : batch) {
            Integer before = newest.get(a.id());
            if (before == null || a.version() > before) {
                newest.put(a.id(), a.version());
                changed.put(a.id(), a);
                written++;
            }
        }
        Instant storedAt = Instant.now();
        insertRows(c, UPSERT_HEAD, ARTICLE_ROW.formatted(database.dialect().jsonParameter()), UPSERT_TAIL,
                List.copyOf(changed.values()), (ps, i, a) -> bindArticle(ps, i, a, storedAt));
        return written;
    }

    /**
     * The stored version of each id of the batch that has a row, in chunks of ids. On PostgreSQL
     * the rows are locked, so no other writer changes them between this read and the upsert.
     */
    private Map<String, Integer> storedVersions(Connection c, List<Article> batch) throws SQLException {
        List<String> ids = batch.stream().map(Article::id).distinct().toList();
        Map<String, Integer> versions = new HashMap<>();
        for (int from = 0; from < ids.size(); from += ROWS_PER_STATEMENT) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ROWS_PER_STATEMENT));
            String sql = "SELECT id, version FROM articles WHERE id IN (" + placeholders(chunk.size()) + ")"
                    + database.dialect().lockForUpdate();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        versions.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
        }
        return versions;
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

    /**
     * Replaces the tags of the changed articles: one delete per chunk of the ids that had a row
     * before (a new article has no tags to delete), then multi-row inserts.
     */
    private void replaceTags(Connection c, Map<String, Article> changed, Set<String> stored) throws SQLException {
        List<String> replaced = changed.keySet().stream().filter(stored::contains).toList();
        for (int from = 0; from < replaced.size(); from += ROWS_PER_STATEMENT) {
            List<String> chunk = replaced.subList(from, Math.min(replaced.size(), from + ROWS_PER_STATEMENT));
            for (String table : List.of("article_countries", "article_persons")) {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM " + table + " WHERE article_id IN (" + placeholders(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        delete.setString(i + 1, chunk.get(i));
                    }
                    delete.executeUpdate();
                }
            }
        }
        List<Tagged<CountryTag>> countries = new ArrayList<>();
        List<Tagged<PersonTag>> persons = new ArrayList<>();
        for (Article a : changed.values()) {
            a.countries().forEach(tag -> countries.add(new Tagged<>(a.id(), tag)));
            a.persons().forEach(tag -> persons.add(new Tagged<>(a.id(), tag)));
        }
        String json = database.dialect().jsonParameter();
        insertRows(c, COUNTRY_INSERT, "(?, ?, ?, ?, " + json + ")", "", countries, (ps, i, t) -> {
            ps.setString(i++, t.articleId());
            ps.setString(i++, t.tag().code());
            ps.setString(i++, t.tag().name());
            ps.setInt(i++, t.tag().count());
            ps.setString(i++, json(t.tag().mentions()));
            return i;
        });
        insertRows(c, PERSON_INSERT, "(?, ?, ?, " + json + ", ?, ?)", "", persons, (ps, i, t) -> {
            ps.setString(i++, t.articleId());
            ps.setString(i++, t.tag().name());
            ps.setInt(i++, t.tag().count());
            ps.setString(i++, json(t.tag().mentions()));
            ps.setString(i++, t.tag().entityId());
            // the surname key lets a bare name asked for find the full-name entities it may mean
            ps.setString(i++, PersonNames.surname(t.tag().name()));
            return i;
        });
    }

    /**
     * Inserts rows with multi-row statements of up to {@link #ROWS_PER_STATEMENT} rows: one
     * statement per chunk instead of one per row, which is most of the cost of a small row.
     */
    private static <T> void insertRows(Connection c, String head, String row, String tail, List<T> items, Binder<T> binder)
            throws SQLException {
        for (int from = 0; from < items.size(); from += ROWS_PER_STATEMENT) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + ROWS_PER_STATEMENT));
            String sql = head + String.join(", ", Collections.nCopies(chunk.size(), row)) + tail;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int index = 1;
                for (T item : chunk) {
                    index = binder.bind(ps, index, item);
                }
                ps.executeUpdate();
            }
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Binds one row's parameters from {@code index} on and returns the index after them. */
    @FunctionalInterface
    private interface Binder<T> {
        int bind(PreparedStatement ps, int index, T item) throws SQLException;
    }

    /** A tag with the id of the article it belongs to. */
    private record Tagged<T>(String articleId, T tag) {
    }

    private int bindArticle(PreparedStatement ps, int index, Article a, Instant storedAt) throws SQLException {
        Dialect dialect = database.dialect();
        int i = index;
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
            ps.setNull(i++, Types.DOUBLE);
        } else {
            ps.setDouble(i++, a.storyOverlap());
        }
        return i;
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
