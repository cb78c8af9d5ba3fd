package dev.plumbline.monitor.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The stored alerts: open ones (pending or firing) at most one per fingerprint, and their history. */
@ApplicationScoped
public class AlertStore {

    private static final String COLUMNS = "SELECT id, fingerprint, rule, labels::text, severity, state, summary,"
            + " value, active_since, fired_at, resolved_at, evaluated_at FROM alert ";
    private static final String INSERT = """
            INSERT INTO alert (fingerprint, rule, labels, severity, state, summary, value, active_since, fired_at,
                               evaluated_at)
            VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) RETURNING id""";
    private static final String UPDATE = """
            UPDATE alert SET state = ?, summary = ?, value = ?, evaluated_at = ?,
                fired_at = CASE WHEN ? = 'firing' THEN coalesce(fired_at, ?) ELSE fired_at END,
                resolved_at = CASE WHEN ? = 'resolved' THEN ? ELSE resolved_at END
            WHERE id = ?""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public AlertStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public List<Alert> open() {
        return query(COLUMNS + "WHERE state IN ('pending', 'firing') ORDER BY id", (c, s) -> { });
    }

    /** The newest alerts of any state, newest first. */
    public List<Alert> newest(int limit) {
        return query(COLUMNS + "ORDER BY id DESC LIMIT ?", (c, s) -> s.setInt(1, limit));
    }

    /** The latest episode of each of these conditions, whatever its state. */
    public List<Alert> latest(Collection<String> fingerprints) {
        return query("SELECT DISTINCT ON (fingerprint) " + COLUMNS.substring(7)
                + "WHERE fingerprint = ANY (?) ORDER BY fingerprint, id DESC",
                (c, s) -> s.setArray(1, c.createArrayOf("text", fingerprints.toArray())));
    }

    public long insert(AlertCondition condition, AlertState state, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, condition.fingerprint());
            s.setString(2, condition.rule());
            s.setString(3, json.writeValueAsString(condition.labels()));
            s.setString(4, condition.severity());
            s.setString(5, state.key());
            s.setString(6, condition.summary());
            s.setDouble(7, condition.value());
            s.setTimestamp(8, Timestamp.from(now));
            s.setTimestamp(9, state == AlertState.FIRING ? Timestamp.from(now) : null);
            s.setTimestamp(10, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store alert " + condition.labels(), e);
        }
    }

    /** Moves an alert to a state, keeping the latest value and summary when a condition is given. */
    public void update(Alert alert, AlertState state, AlertCondition condition, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setString(1, state.key());
            s.setString(2, condition == null ? alert.summary() : condition.summary());
            s.setObject(3, condition == null ? alert.value() : (Double) condition.value());
            s.setTimestamp(4, Timestamp.from(now));
            s.setString(5, state.key());
            s.setTimestamp(6, Timestamp.from(now));
            s.setString(7, state.key());
            s.setTimestamp(8, Timestamp.from(now));
            s.setLong(9, alert.id());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update alert " + alert.id(), e);
        }
    }

    /** Forgets a pending alert whose condition stopped before it fired, as Prometheus does. */
    public void delete(Alert alert) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM alert WHERE id = ? AND state = 'pending'")) {
            s.setLong(1, alert.id());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete alert " + alert.id(), e);
        }
    }

    /** Deletes the alerts resolved before the cutoff (history past its retention); returns how many. */
    public int purgeResolvedBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM alert WHERE state = 'resolved' AND resolved_at < ?")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge resolved alerts", e);
        }
    }

    public Alert get(long id) {
        return query(COLUMNS + "WHERE id = ?", (c, s) -> s.setLong(1, id)).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no alert " + id));
    }

    private interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private List<Alert> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(c, s);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    alerts.add(read(rs));
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alerts", e);
        }
    }

    private Alert read(ResultSet rs) throws SQLException {
        try {
            TreeMap<String, String> labels = json.readValue(rs.getString(4), new TypeReference<>() { });
            Object value = rs.getObject(8);
            return new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), labels, rs.getString(5),
                    AlertState.of(rs.getString(6)), rs.getString(7), value == null ? null : ((Number) value).doubleValue(),
                    instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)),
                    instant(rs.getTimestamp(12)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable labels of alert " + rs.getLong(1), e);
        }
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
