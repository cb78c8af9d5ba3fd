package dev.plumbline.quarantine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The open quarantine queue as it is read: its depth per dataset and its newest entries. */
@ApplicationScoped
public class QuarantineQueue {

    private static final String ENTRIES = """
            SELECT q.id, d.name, v.version, q.validation_run_id, s.topic, s.kafka_partition, s.kafka_offset,
                   s.payload::text, s.raw_payload, s.ingested_at, q.quarantined_at, q.failures::text
            FROM quarantined_record q
            JOIN staged_record s ON s.id = q.staged_record_id
            JOIN dataset d ON d.id = q.dataset_id
            JOIN contract_version v ON v.id = q.contract_version_id
            WHERE q.status = 'open' AND (?::text IS NULL OR d.name = ?) AND q.id < ?
            ORDER BY q.id DESC LIMIT ?""";

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public QuarantineQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How many records of a dataset wait in quarantine. */
    public long depth(long datasetId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM quarantined_record WHERE dataset_id = ? AND status = 'open'")) {
            s.setLong(1, datasetId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the quarantine depth", e);
        }
    }

    /** The newest open entries, of one dataset or all (null), older than {@code beforeId}. */
    public List<QuarantineEntry> newest(String dataset, long beforeId, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ENTRIES)) {
            s.setString(1, dataset);
            s.setString(2, dataset);
            s.setLong(3, beforeId);
            s.setInt(4, limit);
            List<QuarantineEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the quarantine queue", e);
        }
    }

    private QuarantineEntry entry(ResultSet rs) throws SQLException, JsonProcessingException {
        String payload = rs.getString(8);
        if (payload == null) {
            payload = new String(rs.getBytes(9), StandardCharsets.UTF_8);
        }
        List<QuarantineEntry.Reason> reasons = json.readValue(rs.getString(12), new TypeReference<>() {
        });
        return new QuarantineEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getInt(6), rs.getLong(7), payload, rs.getTimestamp(10).toInstant(),
                rs.getTimestamp(11).toInstant(), reasons);
    }
}
