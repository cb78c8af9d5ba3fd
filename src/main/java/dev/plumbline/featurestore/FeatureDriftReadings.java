package dev.plumbline.featurestore;

import dev.plumbline.transform.FeatureViewVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The latest drift measurement per feature of each view version ({@code feature_drift}), written by the drift job
 * and read by the registry, the dashboard, the alert rule and the Prometheus gauge.
 */
@ApplicationScoped
public class FeatureDriftReadings {

    private static final String RECORD = """
            INSERT INTO feature_drift (view_version_id, feature, measured_at, window_start, sample, psi, status, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (view_version_id, feature) DO UPDATE SET measured_at = EXCLUDED.measured_at,
                window_start = EXCLUDED.window_start, sample = EXCLUDED.sample, psi = EXCLUDED.psi,
                status = EXCLUDED.status, detail = EXCLUDED.detail""";
    private static final String LATEST = """
            SELECT view_version_id, feature, measured_at, window_start, sample, psi, status, detail FROM feature_drift
            WHERE view_version_id = ANY (?) AND feature IN (SELECT feature FROM feature_baseline b
                                                         WHERE b.view_version_id = feature_drift.view_version_id)
            ORDER BY feature""";
    private static final String PSI = """
            SELECT d.psi FROM feature_drift d JOIN feature_view_version v ON v.id = d.view_version_id
            JOIN feature_view f ON f.id = v.view_id
            WHERE f.name = ? AND d.feature = ? AND v.status = 'active' ORDER BY v.id DESC LIMIT 1""";
    private static final String BASELINES = """
            SELECT view_version_id, count(*) FROM feature_baseline WHERE view_version_id = ANY (?)
            GROUP BY view_version_id""";

    private final DataSource dataSource;

    public FeatureDriftReadings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(long versionId, FeatureDriftReading reading) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(RECORD)) {
            s.setLong(1, versionId);
            s.setString(2, reading.feature());
            s.setTimestamp(3, Timestamp.from(reading.measuredAt()));
            s.setTimestamp(4, Timestamp.from(reading.windowStart()));
            s.setLong(5, reading.sample());
            if (reading.psi() == null) {
                s.setNull(6, Types.DOUBLE);
            } else {
                s.setDouble(6, reading.psi());
            }
            s.setString(7, reading.status());
            s.setString(8, reading.detail());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the drift of " + reading.feature(), e);
        }
    }

    /** The latest readings of each version's features that have a baseline, by version id. */
    public Map<Long, List<FeatureDriftReading>> latest(List<Long> versionIds) {
        Map<Long, List<FeatureDriftReading>> readings = new HashMap<>();
        query(LATEST, versionIds, rs -> {
            double psi = rs.getDouble(6);
            readings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new FeatureDriftReading(
                    rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getLong(5),
                    rs.wasNull() ? null : psi, rs.getString(7), rs.getString(8)));
        });
        return readings;
    }

    /** The latest PSI of a feature of the view's newest active version; NaN when it has no verdict. */
    public double psi(String view, String feature) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(PSI)) {
            s.setString(1, view);
            s.setString(2, feature);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Double.NaN;
                }
                double psi = rs.getDouble(1);
                return rs.wasNull() ? Double.NaN : psi;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the drift of " + view + "." + feature, e);
        }
    }

    /** Each version's drift status, the threshold its SLA's {@code psiThreshold} or the default. */
    public Map<Long, ViewDrift> drift(List<FeatureViewVersion> versions) {
        List<Long> ids = versions.stream().map(FeatureViewVersion::id).toList();
        Map<Long, Integer> baselines = new HashMap<>();
        query(BASELINES, ids, rs -> baselines.put(rs.getLong(1), rs.getInt(2)));
        Map<Long, List<FeatureDriftReading>> readings = latest(ids);
        Map<Long, ViewDrift> drift = new HashMap<>();
        for (FeatureViewVersion v : versions) {
            Double sla = v.definition().sla() == null ? null : v.definition().sla().psiThreshold();
            drift.put(v.id(), new ViewDrift(baselines.getOrDefault(v.id(), 0),
                    readings.getOrDefault(v.id(), List.of()), sla == null ? ViewDrift.DEFAULT_THRESHOLD : sla));
        }
        return drift;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Long> versionIds, Row row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("bigint", versionIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read feature drift", e);
        }
    }
}
