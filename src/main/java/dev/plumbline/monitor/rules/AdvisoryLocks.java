package dev.plumbline.monitor.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * PostgreSQL advisory locks that make a scheduled job a singleton across replicas: a replica that does not get
 * the lock skips that run instead of waiting.
 */
@ApplicationScoped
public class AdvisoryLocks {

    /** The alert rules' evaluation (and the routing done in its transaction). */
    public static final long ALERT_EVALUATION = 0x506c_0001L;
    /** The outbox sender. */
    public static final long ALERT_DELIVERY = 0x506c_0002L;
    /** The feature drift measurement. */
    public static final long FEATURE_DRIFT = 0x506c_0003L;

    private final DataSource dataSource;

    public AdvisoryLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lock until the current transaction ends, if no other session holds it. */
    public boolean tryForTransaction(long key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take advisory lock " + key, e);
        }
    }
}
