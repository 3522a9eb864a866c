package io.newsflow.sink.jdbc;

import java.io.IOException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteException;

/**
 * What a failed write means for the records in it, decided from the SQLState class (PostgreSQL) or
 * the result code (SQLite): only a data error blames the records; anything else blames the database
 * and is retried, so an outage or a broken schema never sends good records to the dead letters.
 */
public enum WriteFailure {
    /** The database is unreachable, locked, full or restarting: retry the same records later. */
    TRANSIENT,
    /** A record violates a constraint or holds a value the column cannot take: it never fits. */
    DATA,
    /** The schema, permissions or server are wrong: retry (an operator must act), never blame a record. */
    SYSTEMIC;

    /** Classifies a failure by the first exception in its chain (causes and next exceptions) that tells. */
    public static WriteFailure of(SQLException failure) {
        for (Throwable t : failure) {
            WriteFailure kind = classify(t);
            if (kind != null) {
                return kind;
            }
        }
        return SYSTEMIC;
    }

    private static @Nullable WriteFailure classify(Throwable t) {
        if (t instanceof SQLiteException sqlite) {
            return sqliteResult(sqlite.getResultCode().code & 0xff);
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
            return sqlStateClass(sql.getSQLState().substring(0, 2));
        }
        if (t instanceof IOException) {
            return TRANSIENT;
        }
        return null;
    }

    private static WriteFailure sqlStateClass(String stateClass) {
        return switch (stateClass) {
            // connection exception, transaction rollback (deadlock, serialization), insufficient
            // resources (disk full, too many connections), operator intervention (shutdown,
            // cancelled statement), system error (I/O)
            case "08", "40", "53", "57", "58" -> TRANSIENT;
            // data exception (bad value, NUL byte in text), integrity constraint violation
            case "22", "23" -> DATA;
            default -> SYSTEMIC;
        };
    }

    private static WriteFailure sqliteResult(int primaryCode) {
        return switch (primaryCode) {
            // BUSY, LOCKED, NOMEM, READONLY, INTERRUPT, IOERR, FULL, CANTOPEN, PROTOCOL
            case 5, 6, 7, 8, 9, 10, 13, 14, 15 -> TRANSIENT;
            // TOOBIG, CONSTRAINT, MISMATCH, RANGE
            case 18, 19, 20, 25 -> DATA;
            default -> SYSTEMIC;
        };
    }
}
