package io.clearflow.engine.resilience;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database itself (unreachable, restarting, failing over, out of connections, too slow: a
 * statement cancelled by the statement timeout or a lock wait given up) from every other
 * error, anywhere in an exception's cause chain: Flowable, MyBatis and Spring wrap the driver's exception in their own.
 * Such a failure is the platform's and temporary, so callers get 503 with {@code Retry-After}, never 500, and never
 * 401 when it happened while checking a password.
 */
public final class DatabaseOutage {

    /** How long a client should wait before trying again: about what a PostgreSQL restart or fail-over takes. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    /** The outage in {@code failure}'s cause chain, if it is one. */
    public static Optional<Throwable> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isOutage(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
            // "JDBC commit/rollback failed": ending a transaction fails at the driver only when the connection broke,
            // and the rollback's failure hides the query's own
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08: connection exceptions; 57P01-57P03: administrator or crash shutdown, cannot connect now;
            // 53300: too many connections (PostgreSQL's SQLSTATE classes). The database too slow counts too:
            // 57014 statement cancelled by the statement timeout (PostgreSQL and H2), 55P03 lock not available,
            // HYT00 H2's lock timeout
            return state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                    || state.equals("57014") || state.equals("55P03") || state.equals("HYT00");
        }
        return false;
    }
}
