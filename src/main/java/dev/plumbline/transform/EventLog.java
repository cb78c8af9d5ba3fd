package dev.plumbline.transform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code feature_event} table: each view version's validated events, for the edges of windows and lineage. */
final class EventLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = """
            INSERT INTO feature_event (view_version_id, staged_record_id, entity_key, event_time, known_at,
                                       validation_run_id, field_values, field_numbers)
            SELECT ?, * FROM unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::bigint[],
                                    ?::jsonb[], ?::bytea[])
            ON CONFLICT DO NOTHING RETURNING staged_record_id""";
    private static final String WINDOW = """
            SELECT staged_record_id, validation_run_id, event_time, known_at, field_values::text FROM feature_event
            WHERE view_version_id = ? AND entity_key = ? AND event_time > ? AND event_time <= ? AND known_at <= ?
              AND (known_at >= ?""";

    private EventLog() {
    }

    /**
     * Appends the events, with the numbers of the view version's source {@code fields} beside their JSON, and
     * returns those that were not there yet (a replay appends nothing).
     */
    static List<FeatureEvent> append(Connection c, long viewVersionId, List<String> fields, List<FeatureEvent> events)
            throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<Long> inserted = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setLong(1, viewVersionId);
            s.setArray(2, c.createArrayOf("bigint", events.stream().map(FeatureEvent::stagedRecordId).toArray()));
            s.setArray(3, c.createArrayOf("text", events.stream().map(FeatureEvent::entity).toArray()));
            s.setArray(4, c.createArrayOf("timestamptz",
                    events.stream().map(e -> Timestamp.from(e.eventTime())).toArray()));
            s.setArray(5, c.createArrayOf("timestamptz",
                    events.stream().map(e -> Timestamp.from(e.knownAt())).toArray()));
            s.setArray(6, c.createArrayOf("bigint", events.stream().map(FeatureEvent::validationRunId).toArray()));
            s.setArray(7, c.createArrayOf("jsonb", events.stream().map(e -> e.values().toString()).toArray()));
            s.setArray(8, c.createArrayOf("bytea",
                    events.stream().map(e -> numbers(e, fields)).toArray(byte[][]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getLong(1));
                }
            }
        }
        return events.stream().filter(e -> inserted.contains(e.stagedRecordId())).toList();
    }

    /** The event's {@code field_numbers}: eight bytes per field, as {@link FieldColumn#packed} gives them. */
    private static byte[] numbers(FeatureEvent event, List<String> fields) {
        ByteBuffer numbers = ByteBuffer.allocate(8 * fields.size());
        for (String field : fields) {
            numbers.putLong(FieldColumn.packed(event.values().get(field)));
        }
        return numbers.array();
    }

    /**
     * The entity's events with event time in (from, to] known by {@code knownBy} that tiles cannot answer for:
     * known from {@code knownFrom} on, or with an event time in one of the edge ranges [start, end).
     */
    static List<FeatureEvent> edges(Connection c, long viewVersionId, String entity, Instant from, Instant to,
            Instant knownBy, Instant knownFrom, List<Instant[]> edgeRanges) throws SQLException {
        String sql = WINDOW + " OR (event_time >= ? AND event_time < ?)".repeat(edgeRanges.size()) + ")";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, viewVersionId);
            s.setString(2, entity);
            s.setTimestamp(3, Timestamp.from(from));
            s.setTimestamp(4, Timestamp.from(to));
            s.setTimestamp(5, Timestamp.from(knownBy));
            s.setTimestamp(6, Timestamp.from(knownFrom));
            int i = 7;
            for (Instant[] range : edgeRanges) {
                s.setTimestamp(i++, Timestamp.from(range[0]));
                s.setTimestamp(i++, Timestamp.from(range[1]));
            }
            List<FeatureEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new FeatureEvent(rs.getLong(1), rs.getLong(2), entity,
                            rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), values(rs.getString(5))));
                }
            }
            return events;
        }
    }

    private static ObjectNode values(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("stored feature values are not JSON", e);
        }
    }
}
