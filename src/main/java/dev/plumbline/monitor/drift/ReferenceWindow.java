package dev.plumbline.monitor.drift;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Reads one column of a dataset's accepted records ingested within a past window (validated, and not held in
 * quarantine) into a {@link ReferenceBaseline}: a reference the data owner chose, not the data being checked.
 */
@ApplicationScoped
public class ReferenceWindow {

    /** The most values one reference reads; a longer window is refused rather than sampled silently. */
    static final int MAX_VALUES = 1_000_000;

    private static final String SQL = """
            SELECT jsonb_typeof(s.payload -> ?), s.payload ->> ?
            FROM dataset d JOIN validation_run r ON r.dataset_id = d.id
            CROSS JOIN unnest(r.staged_ids) AS u (staged_record_id) JOIN staged_record s ON s.id = u.staged_record_id
            WHERE d.name = ? AND (r.newest_ingested_at IS NULL OR r.newest_ingested_at >= ?)
              AND s.ingested_at >= ? AND s.ingested_at < ? AND s.payload IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM quarantined_record q WHERE q.staged_record_id = s.id
                              AND q.status <> 'released')
            LIMIT ?""";

    private final DataSource dataSource;

    public ReferenceWindow(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void read(String dataset, String column, Instant from, Instant to, ReferenceBaseline baseline) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, got " + from + " and " + to);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SQL)) {
            s.setString(1, column);
            s.setString(2, column);
            s.setString(3, dataset);
            s.setTimestamp(4, Timestamp.from(from));
            s.setTimestamp(5, Timestamp.from(from));
            s.setTimestamp(6, Timestamp.from(to));
            s.setInt(7, MAX_VALUES + 1);
            long read = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (++read > MAX_VALUES) {
                        throw new IllegalArgumentException("more than " + MAX_VALUES + " records in the window: "
                                + "choose a shorter one");
                    }
                    String type = rs.getString(1);
                    String text = rs.getString(2);
                    baseline.add(type == null || type.equals("null") ? null
                            : type.equals("number") ? JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(text))
                            : JsonNodeFactory.instance.textNode(text), dataset + " record " + read);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the reference window of " + dataset, e);
        }
    }
}
