package io.newsflow.sink.jdbc;

import io.newsflow.core.record.PersonNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 7, for both dialects: fills {@code article_persons.entity_id} and {@code surname}
 * (added by version 6) in rows stored before identities, from their name with {@link PersonNames},
 * the reduction the sink applies to every new row, so old and new rows answer one person filter.
 * One update per distinct name, served by the index on {@code name}: far fewer than the rows.
 */
final class PersonIdentityBackfill implements JavaMigration {

    static final int VERSION = 7;
    private static final int NAMES_PER_BATCH = 500;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(VERSION));
    }

    @Override
    public String getDescription() {
        return "person identity backfill";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT DISTINCT name FROM article_persons WHERE entity_id IS NULL")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE article_persons SET entity_id = ?, surname = ? WHERE name = ? AND entity_id IS NULL")) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                update.setString(1, PersonNames.entityId(name));
                update.setString(2, PersonNames.surname(name));
                update.setString(3, name);
                update.addBatch();
                if ((i + 1) % NAMES_PER_BATCH == 0 || i == names.size() - 1) {
                    update.executeBatch();
                }
            }
        }
    }
}
