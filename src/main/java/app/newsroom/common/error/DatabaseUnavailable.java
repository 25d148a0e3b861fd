package app.newsroom.common.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Which database failures are not the request's fault, decided by SQLSTATE class, and the CDI event fired when one
 * happened (so that the service can stop sending requests to a database that is gone).
 *
 * <p>Unavailable: class 08 (connection exception: refused, reset, broken), 53 (insufficient resources: too many
 * connections, out of memory or disk), 57P01-57P05 (the server shutting down, crashed, not yet accepting connections,
 * idle-session timeout), 57014 (statement cancelled, e.g. by a timeout), 58 (system error, I/O), 40001 and 40P01
 * (serialization failure, deadlock: retrying succeeds), 55P03 (lock not available), 25006 (read-only transaction: a
 * standby after a failover). An exception without any SQLSTATE comes from the client side (the connection pool's
 * acquisition timeout, the driver's I/O): unavailable too. Any other SQLSTATE (22 data, 23 constraint...) is the
 * request's, and stays a 4xx or a 500.
 */
public record DatabaseUnavailable(Throwable cause) {

    public static boolean is(Throwable e) {
        boolean sql = false;
        for (Throwable t : chain(e)) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException exception) {
                sql = true;
                String state = exception.getSQLState();
                if (state != null) {
                    return transientState(state);
                }
            }
        }
        return sql; // SQL exceptions, none with a SQLSTATE
    }

    /**
     * The exception, its suppressed ones and its causes, depth first. A failed commit reports the driver's exception
     * only as a suppressed one (the transaction manager's RollbackException has no cause), so causes alone miss it.
     */
    static List<Throwable> chain(Throwable e) {
        List<Throwable> seen = new ArrayList<>();
        Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        if (e != null) {
            next.push(e);
        }
        while (!next.isEmpty()) {
            Throwable t = next.pop();
            if (!visited.add(t)) {
                continue;
            }
            seen.add(t);
            if (t.getCause() != null) {
                next.push(t.getCause());
            }
            Throwable[] suppressed = t.getSuppressed();
            for (int i = suppressed.length - 1; i >= 0; i--) {
                next.push(suppressed[i]);
            }
        }
        return seen;
    }

    /**
     * Whether the database itself cannot be reached (connection failures, the server shutting down or refusing
     * connections, the pool unable to hand out one), as opposed to one statement failing for a passing reason (a
     * timeout, a deadlock): only then should every request be turned away until it answers again.
     */
    public boolean unreachable() {
        for (Throwable t : chain(cause)) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException exception && exception.getSQLState() != null) {
                String state = exception.getSQLState();
                return state.startsWith("08") || state.startsWith("57P") || state.equals("53300");
            }
        }
        return true; // no SQLSTATE: the pool or the driver could not get a connection
    }

    static boolean transientState(String state) {
        return state.startsWith("08")
                || state.startsWith("53")
                || state.startsWith("57P")
                || state.equals("57014")
                || state.startsWith("58")
                || state.equals("40001")
                || state.equals("40P01")
                || state.equals("55P03")
                || state.equals("25006");
    }
}
