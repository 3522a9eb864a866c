package io.newsflow.sink.query;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.zaxxer.hikari.HikariDataSource;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.ArticleSnapshot;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonQuery;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Revision;
import io.newsflow.core.record.Span;
import io.newsflow.sink.jdbc.Database;
import io.newsflow.sink.jdbc.Dialect;
import io.newsflow.sink.jdbc.WriteFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads stored articles over its own read-only connections, separate from the sink's writer. Every
 * value is a bound parameter; the SQL differs between backends only in the text-search condition.
 * A few idle connections are kept for the next request; one that failed is closed, not reused.
 */
public final class ArticleQueries implements AutoCloseable {

    private static final int CONNECTIONS = 4;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Span>> SPANS = new TypeReference<>() {
    };
    private static final TypeReference<ArticleSnapshot> SNAPSHOT = new TypeReference<>() {
    };
    private static final TypeReference<Revision.Changes> CHANGES = new TypeReference<>() {
    };

    private final Database database;
    private final HikariDataSource pool;

    public ArticleQueries(Database database) {
        this.database = requireNonNull(database, "database");
        this.pool = database.pool("newsflow-api", CONNECTIONS, true);
    }

    /**
     * One page of the articles matching the filter, newest first. With {@link ArticleFilter#onePerStory()}
     * each story is listed once, by the earliest of its matching articles (a row stored before
     * stories is its own story), and carries how many of its articles match.
     */
    public ArticlePage find(ArticleFilter filter) throws SQLException {
        Dialect dialect = database.dialect();
        List<String> personIds = filter.person() == null ? List.of() : entityIds(filter.person());
        StringBuilder sql = new StringBuilder("""
                SELECT a.id, a.url, a.title, a.source, a.section, a.lead, a.language, a.published_at, a.dated_at,
                    a.version, a.word_count, a.story_id""");
        if (filter.onePerStory()) {
            sql.append("""
                    , ROW_NUMBER() OVER (PARTITION BY COALESCE(a.story_id, a.id) ORDER BY a.dated_at, a.id) AS story_rank,
                        COUNT(*) OVER (PARTITION BY COALESCE(a.story_id, a.id)) AS story_articles""");
        }
        sql.append(" FROM articles a WHERE 1 = 1");
        List<Binder> params = new ArrayList<>();
        if (filter.country() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_countries c WHERE c.article_id = a.id AND c.code = ?)");
            params.add((ps, i) -> ps.setString(i, filter.country()));
        }
        if (!personIds.isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_persons p WHERE p.article_id = a.id AND p.entity_id IN (")
                    .append(String.join(", ", Collections.nCopies(personIds.size(), "?"))).append("))");
            personIds.forEach(id -> params.add((ps, i) -> ps.setString(i, id)));
        }
        if (!filter.words().isEmpty()) {
            sql.append(" AND ").append(dialect.textMatch("a"));
            String query = dialect.textQuery(filter.words());
            params.add((ps, i) -> ps.setString(i, query));
        }
        if (filter.since() != null) {
            sql.append(" AND a.dated_at >= ?");
            params.add((ps, i) -> dialect.bindInstant(ps, i, filter.since()));
        }
        if (filter.onePerStory()) {
            // the window ranks a story's matching articles; the page is taken from the first of each
            sql.insert(0, "SELECT * FROM (").append(") a WHERE a.story_rank = 1");
        }
        Cursor after = filter.after();
        if (after != null) {
            // a row-value comparison: the index on (dated_at DESC, id DESC) serves it
            sql.append(" AND (a.dated_at, a.id) < (?, ?)");
            params.add((ps, i) -> dialect.bindInstant(ps, i, after.datedAt()));
            params.add((ps, i) -> ps.setString(i, after.id()));
        }
        sql.append(" ORDER BY a.dated_at DESC, a.id DESC LIMIT ?");
        // one more than asked tells whether a next page exists
        params.add((ps, i) -> ps.setInt(i, filter.limit() + 1));
        return withConnection(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    params.get(i).bind(ps, i + 1);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs, dialect, filter.onePerStory()));
                    }
                }
            }
            String next = null;
            if (rows.size() > filter.limit()) {
                rows = rows.subList(0, filter.limit());
                Row last = rows.get(rows.size() - 1);
                next = new Cursor(last.datedAt, last.id).encode();
            }
            List<String> ids = rows.stream().map(r -> r.id).toList();
            Map<String, List<List<String>>> countries = tags(c, "SELECT article_id, code FROM article_countries", ids);
            Map<String, List<List<String>>> persons = tags(c, "SELECT article_id, name, entity_id FROM article_persons", ids);
            List<ArticleSummary> page = new ArrayList<>(rows.size());
            for (Row r : rows) {
                page.add(new ArticleSummary(r.id, r.url, r.title, r.source, r.section, r.lead, r.language,
                        r.publishedAt, r.datedAt, r.version, r.wordCount,
                        column(countries, r.id, 0), column(persons, r.id, 0), r.storyId, r.storyArticles,
                        column(persons, r.id, 1)));
            }
            return new ArticlePage(page, next);
        });
    }

    /** The stored article with this id, if any. */
    public Optional<StoredArticle> get(String id) throws SQLException {
        requireNonNull(id, "id");
        Dialect dialect = database.dialect();
        return withConnection(c -> {
            StoredArticle article;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM articles WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    article = new StoredArticle(rs.getString("id"), rs.getString("url"), rs.getString("source"),
                            rs.getString("title"), json(rs.getString("authors"), STRINGS),
                            dialect.readInstant(rs, "published_at"), dialect.readInstant(rs, "modified_at"),
                            rs.getString("section"), rs.getString("lead"), rs.getString("language"), rs.getString("image"),
                            rs.getString("text"), rs.getInt("word_count"), rs.getString("content_sha256"),
                            rs.getInt("version"), requireNonNull(dialect.readInstant(rs, "fetched_at")),
                            requireNonNull(dialect.readInstant(rs, "stored_at")),
                            requireNonNull(dialect.readInstant(rs, "dated_at")), countries(c, id), persons(c, id),
                            rs.getString("extractor_version"), rs.getString("tagger_version"), rs.getString("story_id"),
                            storyOverlap(rs));
                }
            }
            return Optional.of(article);
        });
    }

    /**
     * Every stored version of the article and the edits between them, oldest first; empty when
     * neither the article nor any revision of it is stored.
     */
    public Optional<ArticleHistory> history(String id) throws SQLException {
        requireNonNull(id, "id");
        Dialect dialect = database.dialect();
        return withConnection(c -> {
            TreeMap<Integer, ArticleSnapshot> versions = new TreeMap<>();
            List<ArticleHistory.Edit> edits = new ArrayList<>();
            String url = null;
            String source = null;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT old_version, new_version, url, source, detected_at, fields, old_snapshot, new_snapshot, changes
                    FROM article_revisions WHERE article_id = ? ORDER BY new_version""")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        url = rs.getString("url");
                        source = rs.getString("source");
                        ArticleSnapshot before = json(rs.getString("old_snapshot"), SNAPSHOT);
                        ArticleSnapshot after = json(rs.getString("new_snapshot"), SNAPSHOT);
                        versions.putIfAbsent(before.version(), before);
                        versions.put(after.version(), after);
                        edits.add(new ArticleHistory.Edit(rs.getInt("old_version"), rs.getInt("new_version"),
                                requireNonNull(dialect.readInstant(rs, "detected_at")), json(rs.getString("fields"), STRINGS),
                                json(rs.getString("changes"), CHANGES)));
                    }
                }
            }
            Integer version = null;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT url, source, version, fetched_at, title, authors, published_at, modified_at, text
                    FROM articles WHERE id = ?""")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        url = rs.getString("url");
                        source = rs.getString("source");
                        version = rs.getInt("version");
                        if (versions.isEmpty()) {
                            // never edited: its one version is the stored article
                            versions.put(version, new ArticleSnapshot(version, requireNonNull(dialect.readInstant(rs, "fetched_at")),
                                    rs.getString("title"), json(rs.getString("authors"), STRINGS),
                                    dialect.readInstant(rs, "published_at"), dialect.readInstant(rs, "modified_at"),
                                    ArticleSnapshot.paragraphs(rs.getString("text"))));
                        }
                    }
                }
            }
            if (url == null) {
                return Optional.<ArticleHistory>empty();
            }
            return Optional.of(new ArticleHistory(id, url, requireNonNull(source), version, List.copyOf(versions.values()), edits));
        });
    }

    private static @Nullable Double storyOverlap(ResultSet rs) throws SQLException {
        double overlap = rs.getDouble("story_overlap");
        return rs.wasNull() ? null : overlap;
    }

    private static List<CountryTag> countries(Connection c, String id) throws SQLException {
        List<CountryTag> tags = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, name, mentions, spans FROM article_countries WHERE article_id = ? ORDER BY mentions DESC, code")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.add(new CountryTag(rs.getString(1), rs.getString(2), rs.getInt(3), json(rs.getString(4), SPANS)));
                }
            }
        }
        return tags;
    }

    private static List<PersonTag> persons(Connection c, String id) throws SQLException {
        List<PersonTag> tags = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, mentions, spans, entity_id FROM article_persons WHERE article_id = ? ORDER BY mentions DESC, name")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.add(new PersonTag(rs.getString(1), rs.getInt(2), json(rs.getString(3), SPANS), rs.getString(4)));
                }
            }
        }
        return tags;
    }

    /** article id -> the further columns of its rows, most mentioned first, for the given ids. */
    private static Map<String, List<List<String>>> tags(Connection c, String select, List<String> ids) throws SQLException {
        Map<String, List<List<String>>> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        String sql = select + " WHERE article_id IN (" + "?, ".repeat(ids.size() - 1) + "?) ORDER BY mentions DESC, 2";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(columns - 1);
                    for (int i = 2; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    names.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(row);
                }
            }
        }
        return names;
    }

    /** One column of an article's tag rows, in their order; empty for an article without tags. */
    private static List<String> column(Map<String, List<List<String>>> tags, String articleId, int column) {
        return tags.getOrDefault(articleId, List.of()).stream().map(row -> row.get(column)).toList();
    }

    /**
     * The entity ids a person filter matches. An id or full name is its own. A bare name is resolved
     * through the surname key stored with every person: the one full-name entity stored with that
     * surname, plus rows tagged by the bare name alone; with several such entities the answer would
     * mix people, so it is refused, naming them.
     *
     * @throws AmbiguousPersonException when a bare name matches more than one full-name entity
     */
    private List<String> entityIds(PersonQuery person) throws SQLException {
        String surname = person.surname();
        if (surname == null) {
            return List.of(person.entityId());
        }
        Map<String, String> candidates = withConnection(c -> candidates(c, surname, person.entityId()));
        if (candidates.size() > 1) {
            throw new AmbiguousPersonException(surname, candidates);
        }
        List<String> ids = new ArrayList<>(candidates.keySet());
        ids.add(person.entityId());
        return ids;
    }

    /** entity id -> its most used name, of the entities other than {@code bareId} stored with this surname key. */
    private static Map<String, String> candidates(Connection c, String surname, String bareId) throws SQLException {
        Map<String, String> names = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT entity_id, name, COUNT(*) AS uses FROM article_persons
                WHERE surname = ? AND entity_id <> ? GROUP BY entity_id, name ORDER BY entity_id, uses DESC, name""")) {
            ps.setString(1, surname);
            ps.setString(2, bareId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // an entity's first row is its most used name
                    names.putIfAbsent(rs.getString(1), rs.getString(2));
                }
            }
        }
        return names;
    }

    private static <T> T json(String text, TypeReference<T> type) throws SQLException {
        try {
            return JsonCodec.MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored JSON is unreadable: " + e.getOriginalMessage(), "22000", e);
        }
    }

    private <T> T withConnection(Query<T> query) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return query.run(c);
        } catch (SQLException e) {
            if (WriteFailure.of(e) != WriteFailure.TRANSIENT) {
                throw e;
            }
            // a connection used within the last half second is handed out unchecked, so one the
            // database dropped (a restart) fails once; the pool has evicted it: retry on a fresh one
        }
        try (Connection c = pool.getConnection()) {
            return query.run(c);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A listing row as read, before its countries and persons are attached. */
    private static final class Row {
        final String id;
        final String url;
        final String title;
        final String source;
        final @Nullable String section;
        final @Nullable String lead;
        final @Nullable String language;
        final @Nullable Instant publishedAt;
        final Instant datedAt;
        final int version;
        final int wordCount;
        final @Nullable String storyId;
        final @Nullable Integer storyArticles;

        Row(ResultSet rs, Dialect dialect, boolean onePerStory) throws SQLException {
            id = rs.getString("id");
            url = rs.getString("url");
            title = rs.getString("title");
            source = rs.getString("source");
            section = rs.getString("section");
            lead = rs.getString("lead");
            language = rs.getString("language");
            publishedAt = dialect.readInstant(rs, "published_at");
            datedAt = requireNonNull(dialect.readInstant(rs, "dated_at"));
            version = rs.getInt("version");
            wordCount = rs.getInt("word_count");
            storyId = rs.getString("story_id");
            storyArticles = onePerStory ? rs.getInt("story_articles") : null;
        }
    }
}
