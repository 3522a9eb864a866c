package io.newsflow.sink.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Brings the schema to the newest version with Flyway, from the versioned scripts in
 * {@code db/<dialect>/V<n>__<what>.sql} and the few steps SQL cannot say alike on both databases
 * as Java ({@link PersonIdentityBackfill}): each applied once (scripts checksummed) and recorded in
 * {@code newsflow_schema_history}. Concurrent starts are serialised by Flyway's own lock (an
 * advisory lock on PostgreSQL, the file's write lock on SQLite).
 *
 * <p>Sinks before Flyway kept their own version table, {@code newsflow_schema_version}; such a
 * database is taken over at the version it had reached, and the old table is then dropped by a
 * migration of its own.
 */
final class Migrations {

    static final String HISTORY_TABLE = "newsflow_schema_history";
    private static final String OLD_VERSION_TABLE = "newsflow_schema_version";

    private Migrations() {
    }

    /** Brings the database's schema up to the newest version and returns that version. */
    static int apply(Database database) throws SQLException {
        return apply(database, null);
    }

    /** Brings the schema up to {@code target} at most, e.g. to set up a database at an old version. */
    static int apply(Database database, @Nullable Integer target) throws SQLException {
        // two connections: on PostgreSQL Flyway holds its lock on one and migrates on the other
        try (HikariDataSource dataSource = database.pool("newsflow-migrations", 2, false)) {
            FluentConfiguration config = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/" + database.dialect().resourceDir())
                    .javaMigrations(new PersonIdentityBackfill())
                    .table(HISTORY_TABLE);
            int reached = versionReachedBeforeFlyway(dataSource);
            if (reached > 0) {
                config.baselineOnMigrate(true)
                        .baselineVersion(MigrationVersion.fromVersion(Integer.toString(reached)))
                        .baselineDescription("taken over from " + OLD_VERSION_TABLE);
            }
            if (target != null) {
                config.target(MigrationVersion.fromVersion(target.toString()));
            }
            Flyway flyway = config.load();
            flyway.migrate();
            // info() reads the history table: once is enough
            MigrationInfo applied = flyway.info().current();
            MigrationVersion current = applied == null ? null : applied.getVersion();
            return current == null ? 0 : Integer.parseInt(current.getVersion());
        } catch (FlywayException e) {
            throw new SQLException("schema migration of " + database + " failed: " + e.getMessage(), "08000", e);
        }
    }

    /** The version the sink's former migration runner had brought the database to; 0 when none did. */
    private static int versionReachedBeforeFlyway(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (ResultSet tables = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), OLD_VERSION_TABLE, null)) {
                if (!tables.next()) {
                    return 0;
                }
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + OLD_VERSION_TABLE)) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
