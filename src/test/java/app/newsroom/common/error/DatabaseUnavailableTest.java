package app.newsroom.common.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUnavailableTest {

    private static Throwable wrapped(String state) {
        return new RuntimeException(new GenericJDBCException("x", new SQLException("x", state)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P02", "57P03", "53300", "40001", "40P01", "55P03", "58030"})
    void shouldTreatServerAndConnectionFailuresAsUnavailable(String state) {
        assertTrue(DatabaseUnavailable.is(wrapped(state)), state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "22001", "22P02", "42P01", "XX000"})
    void shouldLeaveTheRequestsOwnFailuresAlone(String state) {
        assertFalse(DatabaseUnavailable.is(wrapped(state)), state);
        assertFalse(
                DatabaseUnavailable.is(new ConstraintViolationException("dup", new SQLException("dup", state), "uq")));
    }

    @Test
    void shouldFindTheDriversFailureBehindAFailedCommit() {
        // what Narayana throws when the server terminates the connection during COMMIT (ResilienceIT saw it as a 500):
        // the driver's exception is only a suppressed one of the RollbackException, which has no cause
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        Throwable thrown = new IllegalStateException(rollback);
        assertTrue(DatabaseUnavailable.is(thrown));
        assertTrue(new DatabaseUnavailable(thrown).unreachable());
        assertFalse(DatabaseUnavailable.is(new IllegalStateException(new RuntimeException("no database here"))));
    }

    @Test
    void shouldTreatClientSideFailuresWithoutStateAsUnavailable() {
        // the pool's acquisition timeout: an SQLException without SQLSTATE
        assertTrue(DatabaseUnavailable.is(new RuntimeException(new SQLException("timeout"))));
        assertTrue(DatabaseUnavailable.is(new SQLTransientConnectionException("no connection")));
        assertFalse(DatabaseUnavailable.is(new IllegalStateException("not a database failure")));
    }

    @Test
    void shouldTurnEveryoneAwayOnlyWhenTheDatabaseCannotBeReached() {
        assertTrue(new DatabaseUnavailable(wrapped("08006")).unreachable());
        assertTrue(new DatabaseUnavailable(wrapped("57P01")).unreachable());
        assertTrue(new DatabaseUnavailable(new SQLException("acquisition timeout")).unreachable());
        assertFalse(new DatabaseUnavailable(wrapped("57014")).unreachable()); // one statement timed out
        assertFalse(new DatabaseUnavailable(wrapped("40P01")).unreachable()); // a deadlock
    }
}
