package dev.plumbline.featurestore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.transform.FeatureValues;
import dev.plumbline.transform.FeatureVector;
import dev.plumbline.transform.FeatureViewVersion;
import dev.plumbline.transform.FeaturesMaterialized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The online table ({@code feature_online}): each entity's latest feature values with the instant they are as of,
 * recomputed by {@code value(entity, now)} whenever materialization brings new events for the entity, in the
 * same transaction, and read, never computed, when served.
 */
@ApplicationScoped
public class OnlineStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPSERT = """
            INSERT INTO feature_online (view_version_id, entity_key, feature_values, as_of) VALUES (?, ?, ?::jsonb, ?)
            ON CONFLICT (view_version_id, entity_key) DO UPDATE
                SET feature_values = EXCLUDED.feature_values, as_of = EXCLUDED.as_of
                WHERE feature_online.as_of <= EXCLUDED.as_of""";
    private static final String READ = """
            SELECT entity_key, feature_values::text, as_of FROM feature_online
            WHERE view_version_id = ? AND entity_key = ANY (?)""";
    private static final String REFRESHED = """
            SELECT o.feature_values::text FROM feature_online o
            WHERE o.view_version_id = ? AND o.entity_key IN (
                SELECT DISTINCT entity_key FROM feature_event WHERE view_version_id = ? AND known_at > ? AND known_at <= ?)
            LIMIT ?""";

    /**
     * One entity's stored values as the table holds them: a JSON object by feature name, and its instant. Serving's
     * answer part for all the view version's features is kept with it once written, since a held entity is served
     * many times.
     */
    public static final class StoredText {

        private final String json;
        private final Instant asOf;
        private volatile byte[] written;

        public StoredText(String json, Instant asOf) {
            this.json = json;
            this.asOf = asOf;
        }

        public String json() {
            return json;
        }

        public Instant asOf() {
            return asOf;
        }

        byte[] written(Function<StoredText, byte[]> writer) {
            byte[] bytes = written;
            if (bytes == null) {
                bytes = writer.apply(this);
                written = bytes;
            }
            return bytes;
        }
    }

    private final DataSource dataSource;
    private final FeatureValues values;
    private final OnlineCache cache;
    private final Event<Written> written;

    public OnlineStore(DataSource dataSource, FeatureValues values, OnlineCache cache, Event<Written> written) {
        this.dataSource = dataSource;
        this.values = values;
        this.cache = cache;
        this.written = written;
    }

    void materialized(@Observes FeaturesMaterialized event) {
        refresh(event.version(), event.entities(), event.at());
    }

    /** Recomputes the entities' values as of {@code at} and stores them, unless newer ones are stored already. */
    public void refresh(FeatureViewVersion version, Collection<String> entities, Instant at) {
        if (entities.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            for (String entity : entities) {
                FeatureVector vector = values.valuesAt(version, entity, at);
                s.setLong(1, version.id());
                s.setString(2, entity);
                s.setString(3, JSON.writeValueAsString(vector.values()));
                s.setTimestamp(4, Timestamp.from(at));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not update online values of " + version.viewName(), e);
        }
        written.fire(new Written(version.id(), List.copyOf(entities)));
    }

    /** Entities of a view version whose online values this replica has just written. */
    record Written(long versionId, List<String> entities) {
    }

    // The notification of the change reaches this replica's cache too, but a moment after the commit: forgetting
    // the entities as the write's transaction ends (at once outside one) lets whoever materialized read the new
    // values at once.
    void forgetWritten(@Observes(during = TransactionPhase.AFTER_COMPLETION) Written write) {
        cache.forget(write.versionId(), write.entities());
    }

    /** The stored vectors of the entities that have one, by entity. */
    public Map<String, FeatureVector> read(FeatureViewVersion version, List<String> entities) {
        Map<String, FeatureVector> found = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(READ)) {
            s.setLong(1, version.id());
            s.setArray(2, c.createArrayOf("text", entities.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> stored = JSON.readValue(rs.getString(2), LinkedHashMap.class);
                    found.put(rs.getString(1), new FeatureVector(rs.getString(1), rs.getTimestamp(3).toInstant(),
                            stored));
                }
            }
            return found;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not read online values of " + version.viewName(), e);
        }
    }

    /**
     * The stored values of the entities that have some, as JSON text, by entity, if this replica holds every one of
     * them in memory ({@link OnlineCache}), else null; never asks the database.
     */
    public Map<String, StoredText> heldText(FeatureViewVersion version, List<String> entities) {
        return cache.held(version.id(), entities);
    }

    /** The stored values of the entities that have some, as JSON text, by entity; serving copies them as they are. */
    public Map<String, StoredText> readText(FeatureViewVersion version, List<String> entities) {
        return cache.read(version.id(), entities, missing -> readStored(version, missing));
    }

    private Map<String, StoredText> readStored(FeatureViewVersion version, List<String> entities) {
        Map<String, StoredText> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(READ)) {
            s.setLong(1, version.id());
            s.setArray(2, c.createArrayOf("text", entities.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new StoredText(rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read online values of " + version.viewName(), e);
        }
    }

    /** Entities whose stored values are as of before {@code before}, oldest first, at most {@code limit}. */
    public List<String> staleEntities(FeatureViewVersion version, Instant before, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT entity_key FROM feature_online WHERE view_version_id = ? AND as_of < ?
                ORDER BY as_of LIMIT ?""")) {
            s.setLong(1, version.id());
            s.setTimestamp(2, Timestamp.from(before));
            s.setInt(3, limit);
            List<String> entities = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entities.add(rs.getString(1));
                }
            }
            return entities;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read online values of " + version.viewName(), e);
        }
    }

    /**
     * The values served now for the entities whose events became known in ({@code from}, {@code to}]: what the view
     * refreshed in that window (its idle entities, refreshed only as windows slide, are left out). At most
     * {@code limit}.
     */
    public List<JsonNode> refreshedIn(FeatureViewVersion version, Instant from, Instant to, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(REFRESHED)) {
            s.setLong(1, version.id());
            s.setLong(2, version.id());
            s.setTimestamp(3, Timestamp.from(from));
            s.setTimestamp(4, Timestamp.from(to));
            s.setInt(5, limit);
            List<JsonNode> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(JSON.readTree(rs.getString(1)));
                }
            }
            return rows;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not read online values of " + version.viewName(), e);
        }
    }

    Optional<FeatureVector> one(FeatureViewVersion version, String entity) {
        return Optional.ofNullable(read(version, List.of(entity)).get(entity));
    }
}
