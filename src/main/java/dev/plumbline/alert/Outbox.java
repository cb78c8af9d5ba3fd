package dev.plumbline.alert;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The notification outbox in PostgreSQL: rows written in the transaction that decided to notify, then sent
 * by {@link OutboxSender} until a receiver acknowledges them with a 2xx or they are too old to matter.
 */
@ApplicationScoped
public class Outbox {

    private static final String COLUMNS = "SELECT id, receiver, kind, url, group_key, status, summary, body,"
            + " created_at, next_attempt_at, attempts, last_status_code, last_error, sent_at FROM notification ";

    private final DataSource dataSource;

    public Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void enqueue(String receiver, String kind, String url, String groupKey, String summary, String body,
            Instant now) {
        String sql = "INSERT INTO notification (receiver, kind, url, group_key, summary, body, created_at,"
                + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        update(sql, receiver, kind, url, groupKey, summary, body, Timestamp.from(now), Timestamp.from(now));
    }

    /**
     * Leases the pending notifications due at {@code now}, oldest first: their next attempt moves to
     * {@code leaseUntil}, so another replica's sender does not pick them up while this one is posting them.
     * A notification waits while an older one of its group to the same URL is still pending, so a resolve never
     * overtakes the trigger it ends (PagerDuty would then open an incident that nothing resolves).
     */
    public List<Notification> lease(Instant now, Instant leaseUntil, int limit) {
        String sql = "UPDATE notification SET next_attempt_at = ? WHERE id IN (SELECT id FROM notification n"
                + " WHERE status = 'pending' AND next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM notification o"
                + " WHERE o.status = 'pending' AND o.url = n.url AND o.group_key IS NOT DISTINCT FROM n.group_key"
                + " AND o.id < n.id) ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id";
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(leaseUntil));
            s.setTimestamp(2, Timestamp.from(now));
            s.setInt(3, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not lease notifications", e);
        }
        return ids.isEmpty() ? List.of() : query(COLUMNS + "WHERE id = ANY (?) ORDER BY id", (Object) ids.toArray(Long[]::new));
    }

    public void sent(long id, int status, Instant now) {
        update("UPDATE notification SET status = 'sent', attempts = attempts + 1, last_status_code = ?,"
                + " last_error = NULL, sent_at = ? WHERE id = ?", status, Timestamp.from(now), id);
    }

    public void retry(long id, Integer status, String error, Instant next) {
        update("UPDATE notification SET attempts = attempts + 1, last_status_code = ?, last_error = ?,"
                + " next_attempt_at = ? WHERE id = ?", status, error, Timestamp.from(next), id);
    }

    public void failed(long id, Integer status, String error) {
        update("UPDATE notification SET status = 'failed', attempts = attempts + 1, last_status_code = ?,"
                + " last_error = ? WHERE id = ?", status, error, id);
    }

    /** Deletes sent and failed notifications written before the cutoff; pending ones stay. Returns how many. */
    public int purgeDoneBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM notification WHERE status IN ('sent', 'failed') AND created_at < ?")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge the outbox", e);
        }
    }

    /** The delivery log: the latest notifications, newest first. */
    public List<Notification> newest(int limit) {
        return query(COLUMNS + "ORDER BY id DESC LIMIT ?", limit);
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, parameters);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the outbox", e);
        }
    }

    private static void bind(Connection c, PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            s.setObject(i + 1, p instanceof Long[] ids ? c.createArrayOf("bigint", ids) : p);
        }
    }

    private List<Notification> query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, parameters);
            List<Notification> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9),
                            instant(rs, 10), rs.getInt(11), (Integer) rs.getObject(12), rs.getString(13),
                            instant(rs, 14)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
