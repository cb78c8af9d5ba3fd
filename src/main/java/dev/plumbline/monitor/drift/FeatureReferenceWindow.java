package dev.plumbline.monitor.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.transform.FeatureSpec;
import dev.plumbline.transform.FeatureValues;
import dev.plumbline.transform.FeatureViewStore;
import dev.plumbline.transform.FeatureViewVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Reads a feature's reference values from a past window of a view: the value as of the window's end of every
 * entity the view refreshed within it (had events known in it), point in time, so the sample is what the drift
 * job would have measured then. A version that is not materialized (proposed) reads the active version's values
 * when the feature is defined alike in both.
 */
@ApplicationScoped
public class FeatureReferenceWindow {

    /** The most entities one reference reads; a longer window is refused rather than sampled silently. */
    static final int MAX_ENTITIES = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTITIES = """
            SELECT DISTINCT entity_key FROM feature_event
            WHERE view_version_id = ? AND known_at > ? AND known_at <= ? LIMIT ?""";

    private final FeatureViewStore views;
    private final FeatureValues values;
    private final DataSource dataSource;

    public FeatureReferenceWindow(FeatureViewStore views, FeatureValues values, DataSource dataSource) {
        this.views = views;
        this.values = values;
        this.dataSource = dataSource;
    }

    /** Adds the feature's values to the baseline; returns the version whose materialized values were read. */
    public FeatureViewVersion read(FeatureViewVersion version, String feature, Instant from, Instant to,
            ReferenceBaseline baseline) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, got " + from + " and " + to);
        }
        FeatureViewVersion materialized = materialized(version, feature);
        for (String entity : entities(materialized, from, to)) {
            Object value = values.valuesAt(materialized, entity, to).values().get(feature);
            baseline.add(JSON.valueToTree(value), "entity " + entity);
        }
        return materialized;
    }

    private FeatureViewVersion materialized(FeatureViewVersion version, String feature) {
        if (version.status().equals("active")) {
            return version;
        }
        FeatureSpec spec = version.definition().feature(feature).orElseThrow();
        return views.latestActive().stream().filter(v -> v.viewName().equals(version.viewName()))
                .filter(v -> Objects.equals(v.definition().feature(feature).orElse(null), spec)
                        && v.definition().entityKey().equals(version.definition().entityKey())
                        && v.definition().source().equals(version.definition().source()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("version " + version.version()
                        + " is not materialized and the active version does not define " + feature + " alike: "
                        + "upload a reference file instead"));
    }

    private List<String> entities(FeatureViewVersion version, Instant from, Instant to) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ENTITIES)) {
            s.setLong(1, version.id());
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            s.setInt(4, MAX_ENTITIES + 1);
            List<String> entities = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entities.add(rs.getString(1));
                }
            }
            if (entities.size() > MAX_ENTITIES) {
                throw new IllegalArgumentException("more than " + MAX_ENTITIES + " entities in the window: choose a "
                        + "shorter one");
            }
            return entities;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the reference window of " + version.viewName(), e);
        }
    }
}
