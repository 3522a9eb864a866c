package io.newsflow.sink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class WriteFailureTest {

    @Test
    void blamesTheDatabaseForConnectionResourceAndRollbackStates() {
        for (String state : new String[] {"08001", "08006", "40001", "40P01", "53100", "53300", "57P01", "58030"}) {
            assertEquals(WriteFailure.TRANSIENT, WriteFailure.of(new SQLException("x", state)), state);
        }
    }

    @Test
    void blamesTheRecordForDataAndConstraintStates() {
        for (String state : new String[] {"22001", "22021", "23505", "23514"}) {
            assertEquals(WriteFailure.DATA, WriteFailure.of(new SQLException("x", state)), state);
        }
    }

    @Test
    void neverBlamesARecordForSchemaOrPermissionErrors() {
        for (String state : new String[] {"42P01", "42501", "28P01", "XX000"}) {
            assertEquals(WriteFailure.SYSTEMIC, WriteFailure.of(new SQLException("x", state)), state);
        }
        assertEquals(WriteFailure.SYSTEMIC, WriteFailure.of(new SQLException("no state")));
    }

    @Test
    void looksThroughBatchExceptionsToTheirCause() {
        SQLException cause = new SQLException("duplicate key", "23505");
        assertEquals(WriteFailure.DATA, WriteFailure.of(new BatchUpdateException("batch entry 3", null, 0, new int[0], cause)));
        assertEquals(WriteFailure.TRANSIENT, WriteFailure.of(new SQLException("io", null, 0, new IOException("reset"))));
    }
}
