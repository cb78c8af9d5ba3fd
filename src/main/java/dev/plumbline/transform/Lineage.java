package dev.plumbline.transform;

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
 * Where a feature value comes from: the validated events that {@code value(entity, as_of)} folds for one feature
 * (event time in (as_of − window, as_of], known by as_of, with a value of the feature's field), each with its
 * staged record, the validation run that passed it and that run's contract version — or, for a record released
 * from quarantine, when and by whom, and the contract version that passed it on re-validation.
 */
@ApplicationScoped
public class Lineage {

    /** One input event of a feature value. */
    public record InputEvent(long stagedRecordId, Instant eventTime, Instant knownAt, String value, String topic,
            int partition, long offset, long validationRunId, Instant validatedAt, String contractVersion,
            Instant releasedAt, String releasedBy) {

        public boolean released() {
            return releasedAt != null;
        }
    }

    /** A feature value's inputs: how many events there are, and the newest of them up to the limit asked for. */
    public record Inputs(long total, List<InputEvent> newest) {
    }

    private static final String FROM = """
            FROM feature_event e
            JOIN staged_record s ON s.id = e.staged_record_id
            JOIN validation_run r ON r.id = e.validation_run_id
            LEFT JOIN quarantined_record q ON q.staged_record_id = e.staged_record_id AND q.status = 'released'
            JOIN contract_version cv ON cv.id = coalesce(q.contract_version_id, r.contract_version_id)
            WHERE e.view_version_id = ? AND e.entity_key = ? AND e.event_time > ? AND e.event_time <= ?
              AND e.known_at <= ? AND (e.field_values -> ?) IS NOT NULL""";
    private static final String EVENTS = """
            SELECT e.staged_record_id, e.event_time, e.known_at, (e.field_values -> ?)::text, s.topic,
                   s.kafka_partition, s.kafka_offset, r.id, r.finished_at, cv.version, q.resolved_at, q.resolved_by
            """ + FROM + " ORDER BY e.event_time DESC, e.staged_record_id DESC LIMIT ?";

    private final DataSource dataSource;

    public Lineage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Inputs of(FeatureViewVersion version, FeatureSpec feature, String entity, Instant asOf, int limit) {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) " + FROM)) {
                bind(s, 1, version, feature, entity, asOf);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<InputEvent> events = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(EVENTS)) {
                s.setString(1, feature.field());
                bind(s, 2, version, feature, entity, asOf);
                s.setInt(8, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Timestamp released = rs.getTimestamp(11);
                        events.add(new InputEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                                rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getInt(6),
                                rs.getLong(7), rs.getLong(8), rs.getTimestamp(9).toInstant(), rs.getString(10),
                                released == null ? null : released.toInstant(), rs.getString(12)));
                    }
                }
            }
            return new Inputs(total, events);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the lineage of " + feature.name() + " for " + entity, e);
        }
    }

    private static void bind(PreparedStatement s, int first, FeatureViewVersion version, FeatureSpec feature,
            String entity, Instant asOf) throws SQLException {
        s.setLong(first, version.id());
        s.setString(first + 1, entity);
        s.setTimestamp(first + 2, Timestamp.from(asOf.minus(feature.window().length())));
        s.setTimestamp(first + 3, Timestamp.from(asOf));
        s.setTimestamp(first + 4, Timestamp.from(asOf));
        s.setString(first + 5, feature.field());
    }
}
