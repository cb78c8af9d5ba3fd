package dev.plumbline.transform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The feed of validated events, read from PostgreSQL: the records of a validation run that were not quarantined
 * (known at their ingestion), and quarantined records later released (known at their release). Open and
 * discarded quarantined records are never in it. Work is found by the absence of a materialized mark, not by a
 * cursor, because runs of one dataset can commit out of id order.
 */
final class ValidatedEvents {

    /** Work not yet materialized for a view version: validation runs, and released quarantine entries. */
    record Pending(List<Long> runs, List<Long> releases) {
        boolean isEmpty() {
            return runs.isEmpty() && releases.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PENDING_RUNS = """
            SELECT r.id FROM validation_run r
            WHERE r.dataset_id = ? AND NOT EXISTS (SELECT 1 FROM feature_materialized_run m
                                                   WHERE m.view_version_id = ? AND m.validation_run_id = r.id)
            ORDER BY r.id LIMIT ?""";
    private static final String PENDING_RELEASES = """
            SELECT q.id FROM quarantined_record q
            WHERE q.dataset_id = ? AND q.status = 'released'
              AND NOT EXISTS (SELECT 1 FROM feature_materialized_release m
                              WHERE m.view_version_id = ? AND m.quarantined_record_id = q.id)
            ORDER BY q.release_seq LIMIT ?""";
    private static final String PASSED = """
            SELECT s.id, r.id, s.payload::text, s.ingested_at
            FROM validation_run r CROSS JOIN unnest(r.staged_ids) AS u (staged_record_id)
            JOIN staged_record s ON s.id = u.staged_record_id
            WHERE r.id = ANY (?) AND s.payload IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM quarantined_record q WHERE q.staged_record_id = s.id)
            ORDER BY s.id""";
    private static final String RELEASED = """
            SELECT s.id, q.validation_run_id, s.payload::text, q.resolved_at
            FROM quarantined_record q JOIN staged_record s ON s.id = q.staged_record_id
            WHERE q.id = ANY (?) AND q.status = 'released' AND s.payload IS NOT NULL
            ORDER BY q.release_seq""";

    private ValidatedEvents() {
    }

    static Pending pending(Connection c, long datasetId, long viewVersionId, int runLimit, int releaseLimit)
            throws SQLException {
        return new Pending(ids(c, PENDING_RUNS, datasetId, viewVersionId, runLimit),
                ids(c, PENDING_RELEASES, datasetId, viewVersionId, releaseLimit));
    }

    /** The events of the pending work, those of runs first, each run's in staging order, then releases in order. */
    static List<ValidatedEvent> of(Connection c, Pending pending) throws SQLException {
        List<ValidatedEvent> events = new ArrayList<>(read(c, PASSED, pending.runs()));
        events.addAll(read(c, RELEASED, pending.releases()));
        return events;
    }

    private static List<Long> ids(Connection c, String sql, long datasetId, long viewVersionId, int limit)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, datasetId);
            s.setLong(2, viewVersionId);
            s.setInt(3, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static List<ValidatedEvent> read(Connection c, String sql, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            List<ValidatedEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new ValidatedEvent(rs.getLong(1), rs.getLong(2), payload(rs.getString(3)),
                            instant(rs.getTimestamp(4))));
                }
            }
            return events;
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode payload(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a staged payload is not JSON", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t.toInstant();
    }
}
