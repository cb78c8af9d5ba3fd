package dev.plumbline.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The append-only record of who did what: sign-ins, sign-outs, tokens, dataset registrations, contract
 * activations. Written in the caller's transaction when there is one, so an action and its entry commit
 * together.
 */
@ApplicationScoped
@Transactional
public class AuditLog {

    private static final String INSERT = """
            INSERT INTO audit_log (actor, action, subject_type, subject_id, details, remote_address)
            VALUES (?, ?, ?, ?, ?::jsonb, ?)""";
    private static final String COLUMNS =
            "SELECT id, at, actor, action, subject_type, subject_id, details::text, remote_address FROM audit_log";
    private static final String NEWEST = COLUMNS + " WHERE id < ? ORDER BY id DESC LIMIT ?";
    private static final String ABOUT = COLUMNS + " WHERE subject_type = ? AND subject_id = ? ORDER BY id";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public AuditLog(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Appends an entry; the details must not hold secrets such as passwords or tokens. */
    public void record(String actor, String action, String subjectType, String subjectId, Map<String, ?> details,
            String remoteAddress) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, actor);
            s.setString(2, action);
            s.setString(3, subjectType);
            s.setString(4, subjectId);
            s.setString(5, json.writeValueAsString(details == null ? Map.of() : details));
            s.setString(6, remoteAddress);
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write the audit log", e);
        }
    }

    /** Entries older than {@code before} (an id), newest first. */
    public List<AuditEntry> newest(long before, int limit) {
        return query(NEWEST, s -> {
            s.setLong(1, before);
            s.setInt(2, limit);
        });
    }

    /** Every entry about one subject, oldest first: its history. */
    public List<AuditEntry> about(String subjectType, String subjectId) {
        return query(ABOUT, s -> {
            s.setString(1, subjectType);
            s.setString(2, subjectId);
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<AuditEntry> query(String sql, Binder binder) {
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
        return entries;
    }
}
