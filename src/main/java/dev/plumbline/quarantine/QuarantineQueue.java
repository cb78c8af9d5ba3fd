package dev.plumbline.quarantine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.quarantine.QuarantineEntry.Resolution;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The quarantine as it is read: depth per dataset, entries matching a filter, one entry, and who owns them. */
@ApplicationScoped
public class QuarantineQueue {

    private static final String ENTRY = """
            SELECT q.id, d.name, d.owning_team, v.version, q.validation_run_id, s.topic, s.kafka_partition,
                   s.kafka_offset, %s, s.raw_payload, s.ingested_at, q.quarantined_at, q.failures::text,
                   q.status, q.resolved_at, q.resolved_by, q.resolution_note, q.revalidations, q.revalidated_at
            FROM quarantined_record q
            JOIN staged_record s ON s.id = q.staged_record_id
            JOIN dataset d ON d.id = q.dataset_id
            JOIN contract_version v ON v.id = q.contract_version_id""";
    private static final String COMPACT = "s.payload::text";
    private static final String PRETTY = "jsonb_pretty(s.payload)";
    private static final String FROM_FILTERED = " FROM quarantined_record q JOIN dataset d ON d.id = q.dataset_id WHERE "
            + QuarantineFilter.CONDITION;

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public QuarantineQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How many records of a dataset wait in quarantine. */
    public long depth(long datasetId) {
        return query("SELECT count(*) FROM quarantined_record WHERE dataset_id = ? AND status = 'open'",
                s -> s.setLong(1, datasetId), rs -> rs.getLong(1)).get(0);
    }

    /** How many records match a filter. */
    public long count(QuarantineFilter filter) {
        return query("SELECT count(*)" + FROM_FILTERED, s -> filter.bind(s, 1), rs -> rs.getLong(1)).get(0);
    }

    /** The newest entries matching a filter whose id is below {@code beforeId}. */
    public List<QuarantineEntry> newest(QuarantineFilter filter, long beforeId, int limit) {
        String sql = ENTRY.formatted(COMPACT) + " WHERE " + QuarantineFilter.CONDITION + " AND q.id < ? ORDER BY q.id DESC LIMIT ?";
        return query(sql, s -> {
            int next = filter.bind(s, 1);
            s.setLong(next, beforeId);
            s.setInt(next + 1, limit);
        }, this::entry);
    }

    /** One entry, whatever its status, its payload laid out for reading. */
    public Optional<QuarantineEntry> find(long id) {
        return query(ENTRY.formatted(PRETTY) + " WHERE q.id = ?", s -> s.setLong(1, id), this::entry).stream().findFirst();
    }

    /** The ids of entries matching a filter above {@code afterId}, oldest first: how bulk actions walk them. */
    public List<Long> ids(QuarantineFilter filter, long afterId, int limit) {
        return query("SELECT q.id" + FROM_FILTERED + " AND q.id > ? ORDER BY q.id LIMIT ?", s -> {
            int next = filter.bind(s, 1);
            s.setLong(next, afterId);
            s.setInt(next + 1, limit);
        }, rs -> rs.getLong(1));
    }

    /** The rules open entries of a dataset (or of all, null) failed, for the filter's choices. */
    public List<String> openRules(String dataset) {
        return query("""
                SELECT DISTINCT f ->> 'rule' FROM quarantined_record q
                JOIN dataset d ON d.id = q.dataset_id, jsonb_array_elements(q.failures) f
                WHERE q.status = 'open' AND d.name = coalesce(?, d.name) ORDER BY 1 LIMIT 500""",
                s -> s.setString(1, dataset), rs -> rs.getString(1));
    }

    /** The teams owning the datasets of entries matching a filter. */
    public List<String> owningTeams(QuarantineFilter filter) {
        return query("SELECT DISTINCT d.owning_team" + FROM_FILTERED, s -> filter.bind(s, 1), rs -> rs.getString(1));
    }

    /** The teams owning the datasets of these entries. */
    public List<String> owningTeams(Collection<Long> ids) {
        return query("""
                SELECT DISTINCT d.owning_team FROM quarantined_record q JOIN dataset d ON d.id = q.dataset_id
                WHERE q.id = ANY (?)""", s -> s.setArray(1, s.getConnection().createArrayOf("bigint", ids.toArray())),
                rs -> rs.getString(1));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException, JsonProcessingException;
    }

    private <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the quarantine", e);
        }
    }

    private QuarantineEntry entry(ResultSet rs) throws SQLException, JsonProcessingException {
        String payload = rs.getString(9);
        if (payload == null) {
            payload = new String(rs.getBytes(10), StandardCharsets.UTF_8);
        }
        List<QuarantineEntry.Reason> reasons = json.readValue(rs.getString(13), new TypeReference<>() {
        });
        Timestamp resolvedAt = rs.getTimestamp(15);
        Resolution resolution = resolvedAt == null ? null
                : new Resolution(resolvedAt.toInstant(), rs.getString(16), rs.getString(17));
        Timestamp revalidatedAt = rs.getTimestamp(19);
        return new QuarantineEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getInt(7), rs.getLong(8), payload, rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12).toInstant(), reasons, QuarantineStatus.of(rs.getString(14)), resolution,
                rs.getInt(18), revalidatedAt == null ? null : revalidatedAt.toInstant());
    }
}
