package dev.plumbline.quarantine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The outbox of the downstream topics, read from what validation and releases committed: runs not yet
 * published (their passed records for the validated topic, their quarantined ones for the quarantine topic)
 * and released records not yet published. Claims lock their rows with SKIP LOCKED, so replicas share the work;
 * callers send the messages and mark them published in the claim's transaction.
 */
@ApplicationScoped
class DownstreamOutbox {

    private static final String CLAIM_RUNS = """
            SELECT id FROM validation_run WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String RECORDS_OF_RUNS = """
            SELECT d.name, s.id, s.record_key, s.payload::text, s.topic, s.kafka_partition, s.kafka_offset,
                   s.ingested_at, r.id, cv.version, q.id, q.validation_run_id, q.contract_version_id,
                   q.failures::text, q.quarantined_at
            FROM staged_record s
            JOIN validation_run r ON r.id = s.validation_run_id
            JOIN dataset d ON d.id = r.dataset_id
            JOIN contract_version cv ON cv.id = r.contract_version_id
            LEFT JOIN quarantined_record q ON q.staged_record_id = s.id
            WHERE s.validation_run_id = ANY (?)
            ORDER BY s.validation_run_id, s.id""";
    private static final String MARK_RUNS = "UPDATE validation_run SET published_at = now() WHERE id = ANY (?)";
    private static final String CLAIM_RELEASED = """
            SELECT d.name, s.id, s.record_key, s.payload::text, s.topic, s.kafka_partition, s.kafka_offset,
                   s.ingested_at, q.id, cv.version, q.release_seq, q.resolved_at
            FROM quarantined_record q
            JOIN staged_record s ON s.id = q.staged_record_id
            JOIN dataset d ON d.id = q.dataset_id
            JOIN contract_version cv ON cv.id = q.contract_version_id
            WHERE q.status = 'released' AND q.release_published_at IS NULL
            ORDER BY q.release_seq LIMIT ? FOR UPDATE OF q SKIP LOCKED""";
    private static final String MARK_RELEASED = """
            UPDATE quarantined_record SET release_published_at = now() WHERE id = ANY (?)""";

    /** Messages to send, and the outbox rows that are published once the broker has them all. */
    record Claim(List<DownstreamMessage> messages, List<Long> rows) {

        boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    private final DataSource dataSource;
    private final DownstreamConfig config;
    private final QuarantineConfig quarantine;
    private final ObjectMapper json = new ObjectMapper();

    DownstreamOutbox(DataSource dataSource, DownstreamConfig config, QuarantineConfig quarantine) {
        this.dataSource = dataSource;
        this.config = config;
        this.quarantine = quarantine;
    }

    /** Locks the oldest unpublished runs and returns the messages of their records. */
    Claim claimRuns() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Long> runs = ids(c, CLAIM_RUNS, config.runsPerChunk());
            List<DownstreamMessage> messages = new ArrayList<>();
            if (runs.isEmpty()) {
                return new Claim(messages, runs);
            }
            try (PreparedStatement s = c.prepareStatement(RECORDS_OF_RUNS)) {
                s.setArray(1, c.createArrayOf("bigint", runs.toArray()));
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(11);
                        messages.add(rows.wasNull()
                                ? validated(rows, Map.of("plumbline-validation-run", rows.getString(9)))
                                : quarantined(rows));
                    }
                }
            }
            return new Claim(messages, runs);
        }
    }

    /** Locks the released records not yet published, in release order, and returns their messages. */
    Claim claimReleased(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM_RELEASED)) {
            s.setInt(1, limit);
            List<DownstreamMessage> messages = new ArrayList<>();
            List<Long> rowIds = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    rowIds.add(rows.getLong(9));
                    messages.add(validated(rows, Map.of("plumbline-release-seq", rows.getString(11),
                            "plumbline-released-at", rows.getTimestamp(12).toInstant().toString())));
                }
            }
            return new Claim(messages, rowIds);
        }
    }

    void markRunsPublished(List<Long> runs) throws SQLException {
        mark(MARK_RUNS, runs);
    }

    void markReleasedPublished(List<Long> quarantineIds) throws SQLException {
        mark(MARK_RELEASED, quarantineIds);
    }

    // Columns 1–8 and 10 are the same in both queries: dataset, staged record, source position, version.
    private DownstreamMessage validated(ResultSet row, Map<String, String> provenance) throws SQLException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DownstreamMessage.RECORD_ID, row.getString(2));
        headers.put("plumbline-source", row.getString(5) + "/" + row.getInt(6) + "/" + row.getLong(7));
        headers.put("plumbline-ingested-at", row.getTimestamp(8).toInstant().toString());
        headers.put("plumbline-contract-version", row.getString(10));
        headers.putAll(provenance);
        return new DownstreamMessage(config.validatedTopic(row.getString(1)), row.getString(3), row.getString(4),
                headers);
    }

    // The announcement as the quarantine topic has always carried it: the reasons, with what they refer to.
    private DownstreamMessage quarantined(ResultSet row) throws SQLException {
        Map<String, Object> announcement = new LinkedHashMap<>();
        announcement.put("dataset", row.getString(1));
        announcement.put("stagedRecordId", row.getLong(2));
        announcement.put("validationRunId", row.getLong(12));
        announcement.put("contractVersionId", row.getLong(13));
        try {
            announcement.put("failures", json.readTree(row.getString(14)));
            announcement.put("quarantinedAt", row.getTimestamp(15).toInstant().toString());
            return new DownstreamMessage(quarantine.topic(row.getString(1)), row.getString(3),
                    json.writeValueAsString(announcement), Map.of(DownstreamMessage.RECORD_ID, row.getString(2)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("quarantine entry " + row.getLong(11) + " has unreadable reasons", e);
        }
    }

    private static List<Long> ids(Connection c, String sql, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private void mark(String sql, List<Long> ids) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            s.setArray(1, array);
            s.executeUpdate();
        }
    }
}
