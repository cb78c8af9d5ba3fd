package dev.plumbline.alert;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/** The aggregation groups' timers and memory, in PostgreSQL so that a restart or another replica carries on. */
@ApplicationScoped
public class GroupStore {

    private final DataSource dataSource;
    private final ObjectMapper json;

    public GroupStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Map<String, AlertGroup> all() {
        String sql = "SELECT group_key, route_id, receiver, group_labels::text, created_at, next_flush_at,"
                + " last_notified_at, notified_firing FROM alert_group ORDER BY created_at";
        Map<String, AlertGroup> groups = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Timestamp notified = rs.getTimestamp(7);
                Set<String> firing = new TreeSet<>(Arrays.asList((String[]) rs.getArray(8).getArray()));
                groups.put(rs.getString(1), new AlertGroup(rs.getString(1), rs.getString(2), rs.getString(3),
                        labels(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                        notified == null ? null : notified.toInstant(), firing));
            }
            return groups;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the alert groups", e);
        }
    }

    private SortedMap<String, String> labels(String text) throws SQLException {
        try {
            return json.readValue(text, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable group labels " + text, e);
        }
    }

    public AlertGroup create(String key, Route route, SortedMap<String, String> labels, Instant now) {
        String sql = "INSERT INTO alert_group (group_key, route_id, receiver, group_labels, created_at, next_flush_at)"
                + " VALUES (?, ?, ?, ?::jsonb, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            String labelJson = json.writeValueAsString(labels);
            Instant flush = now.plus(route.groupWait());
            s.setString(1, key);
            s.setString(2, route.id());
            s.setString(3, route.receiver());
            s.setString(4, labelJson);
            s.setTimestamp(5, Timestamp.from(now));
            s.setTimestamp(6, Timestamp.from(flush));
            s.executeUpdate();
            return new AlertGroup(key, route.id(), route.receiver(), labels, now, flush, null, Set.of());
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not create alert group " + key, e);
        }
    }

    public void flushed(String key, Instant nextFlush, Instant notifiedAt, Set<String> notifiedFiring) {
        String sql = "UPDATE alert_group SET next_flush_at = ?, last_notified_at = ?, notified_firing = ?"
                + " WHERE group_key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(nextFlush));
            s.setTimestamp(2, notifiedAt == null ? null : Timestamp.from(notifiedAt));
            s.setArray(3, c.createArrayOf("text", notifiedFiring.toArray()));
            s.setString(4, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update alert group " + key, e);
        }
    }

    public void delete(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM alert_group WHERE group_key = ?")) {
            s.setString(1, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete alert group " + key, e);
        }
    }
}
