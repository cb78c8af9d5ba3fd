package dev.plumbline.featurestore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.transform.FeatureViewVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The drift baselines of feature view versions ({@code feature_baseline}): one per feature, frozen with the version
 * (a trigger refuses changes once the version is approved or active; the active version may only gain baselines
 * for features that have none).
 */
@ApplicationScoped
public class FeatureBaselines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = """
            SELECT view_version_id, feature, kind, baseline::text, reference_values, reference_nulls, source::text,
                   created_by, created_at FROM feature_baseline""";
    private static final String PUT = """
            INSERT INTO feature_baseline (view_version_id, feature, kind, baseline, reference_values, reference_nulls,
                                          source, created_by)
            VALUES (?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?)
            ON CONFLICT (view_version_id, feature) DO UPDATE SET kind = EXCLUDED.kind, baseline = EXCLUDED.baseline,
                reference_values = EXCLUDED.reference_values, reference_nulls = EXCLUDED.reference_nulls,
                source = EXCLUDED.source, created_by = EXCLUDED.created_by, created_at = now()""";

    private static final String CARRY_OVER = """
            INSERT INTO feature_baseline (view_version_id, feature, kind, baseline, reference_values, reference_nulls,
                                          source, created_by, created_at)
            SELECT ?, feature, kind, baseline, reference_values, reference_nulls,
                   source || jsonb_build_object('carriedFrom', ?::text), created_by, created_at
            FROM feature_baseline WHERE view_version_id = ? AND feature = ANY (?)
            ON CONFLICT (view_version_id, feature) DO NOTHING""";

    private final DataSource dataSource;

    public FeatureBaselines(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the feature's baseline, replacing one of a version still under review. */
    public void put(FeatureBaseline baseline) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(PUT)) {
            s.setLong(1, baseline.versionId());
            s.setString(2, baseline.feature());
            s.setString(3, baseline.kind());
            s.setString(4, JSON.writeValueAsString(baseline.baseline()));
            s.setLong(5, baseline.referenceValues());
            s.setLong(6, baseline.referenceNulls());
            s.setString(7, JSON.writeValueAsString(baseline.source()));
            s.setString(8, baseline.createdBy());
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store the baseline of " + baseline.feature(), e);
        }
    }

    /**
     * Copies the baselines of {@code features} from one version to a new one, as they were frozen: a proposed version
     * keeps watching the features it leaves unchanged, and its reviewers see those baselines with it.
     */
    public void carryOver(FeatureViewVersion from, long toVersionId, List<String> features) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CARRY_OVER)) {
            s.setLong(1, toVersionId);
            s.setString(2, from.version());
            s.setLong(3, from.id());
            s.setArray(4, c.createArrayOf("text", features.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not carry over the baselines of " + from.viewName(), e);
        }
    }

    /** The version's baselines, by feature name. */
    public List<FeatureBaseline> of(long versionId) {
        return query(COLUMNS + " WHERE view_version_id = ? ORDER BY feature", versionId, null);
    }

    public Optional<FeatureBaseline> get(long versionId, String feature) {
        return query(COLUMNS + " WHERE view_version_id = ? AND feature = ?", versionId, feature).stream().findFirst();
    }

    private List<FeatureBaseline> query(String sql, long versionId, String feature) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, versionId);
            if (feature != null) {
                s.setString(2, feature);
            }
            List<FeatureBaseline> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new FeatureBaseline(rs.getLong(1), rs.getString(2), rs.getString(3),
                            json(rs.getString(4)), rs.getLong(5), rs.getLong(6), json(rs.getString(7)),
                            rs.getString(8), rs.getTimestamp(9).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the baselines of view version " + versionId, e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored baseline " + text, e);
        }
    }
}
