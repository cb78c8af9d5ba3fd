package dev.plumbline.transform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Two connections reading {@code feature_event} at once in one snapshot: the first exports its repeatable-read
 * snapshot and the second imports it, so rows committed meanwhile are seen by neither; each reads one half of the
 * table's pages (the second half open-ended), the second on a thread of its own.
 */
final class SnapshotReads {

    /** A read of the pages {@code [pages[0], pages[1])}, where −1 as the end means to the end of the table. */
    interface Read {
        void run(Connection c, long[] pages) throws SQLException;
    }

    private SnapshotReads() {
    }

    static void inHalves(Connection first, Connection second, Read read) throws SQLException {
        Session one = new Session(first);
        Session two = new Session(second);
        boolean done = false;
        try {
            long half;
            String snapshot;
            try (Statement s = first.createStatement(); ResultSet r = s.executeQuery("SELECT pg_export_snapshot(),"
                    + " pg_relation_size('feature_event') / current_setting('block_size')::bigint / 2")) {
                r.next();
                snapshot = r.getString(1);
                half = r.getLong(2);
            }
            try (Statement s = second.createStatement()) {
                s.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
            }
            FutureTask<Void> other = new FutureTask<>(() -> {
                read.run(second, new long[] {half, -1});
                return null;
            });
            new Thread(other, "point-in-time-join-read").start();
            Exception failure = null;
            try {
                read.run(first, new long[] {0, half});
            } catch (SQLException | RuntimeException e) {
                failure = e;
            }
            failure = await(other, failure);
            if (failure instanceof SQLException sql) {
                throw sql;
            } else if (failure != null) {
                throw (RuntimeException) failure;
            }
            first.commit();
            second.commit();
            done = true;
        } finally {
            one.restore(done);
            two.restore(done);
        }
    }

    private static Exception await(FutureTask<Void> other, Exception failure) {
        try {
            other.get();
            return failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure != null ? failure : new IllegalStateException("interrupted while reading events", e);
        } catch (ExecutionException e) {
            Exception cause = e.getCause() instanceof SQLException || e.getCause() instanceof RuntimeException
                    ? (Exception) e.getCause() : new IllegalStateException(e.getCause());
            return failure != null ? failure : cause;
        }
    }

    /** A connection in a repeatable-read transaction, and the settings to give back to its pool afterwards. */
    private static final class Session {
        private final Connection c;
        private final boolean autoCommit;
        private final int isolation;

        Session(Connection c) throws SQLException {
            this.c = c;
            this.autoCommit = c.getAutoCommit();
            this.isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }

        void restore(boolean committed) throws SQLException {
            if (!committed) {
                c.rollback();
            }
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }
}
