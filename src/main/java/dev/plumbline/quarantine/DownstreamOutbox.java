package dev.plumbline.quarantine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.BatchValidated;
import dev.plumbline.validate.BatchValidated.RejectedRecord;
import dev.plumbline.validate.ValidationRun;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
            SELECT id FROM validation_run WHERE published_at IS NULL AND id <> ALL (?)
            ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String LOCK_RUNS = """
            SELECT id FROM validation_run WHERE id = ANY (?) AND published_at IS NULL FOR UPDATE SKIP LOCKED""";
    private static final String RECORDS_OF_RUNS = """
            SELECT d.name, s.id, s.record_key, s.payload::text, s.topic, s.kafka_partition, s.kafka_offset,
                   s.ingested_at, r.id, cv.version, q.id, q.validation_run_id, q.contract_version_id,
                   q.failures::text, q.quarantined_at
            FROM validation_run r CROSS JOIN unnest(r.staged_ids) AS u (staged_record_id)
            JOIN staged_record s ON s.id = u.staged_record_id
            JOIN dataset d ON d.id = r.dataset_id
            JOIN contract_version cv ON cv.id = r.contract_version_id
            LEFT JOIN quarantined_record q ON q.staged_record_id = s.id
            WHERE r.id = ANY (?)
            ORDER BY r.id, s.id""";
    private static final String RUN_HEADER = "plumbline-validation-run";
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

    /** Locks the oldest unpublished runs, except those held in memory, and returns the messages of their records. */
    Claim claimRuns(Collection<Long> held) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Long> runs;
            try (PreparedStatement s = c.prepareStatement(CLAIM_RUNS)) {
                s.setArray(1, c.createArrayOf("bigint", held.toArray()));
                s.setInt(2, config.runsPerChunk());
                runs = ids(s);
            }
            return new Claim(runs.isEmpty() ? List.of() : readBack(c, runs), runs);
        }
    }

    /** The messages of these runs' records, as the database has them. */
    List<DownstreamMessage> readBack(Connection c, List<Long> runs) throws SQLException {
        List<DownstreamMessage> messages = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(RECORDS_OF_RUNS)) {
            s.setArray(1, c.createArrayOf("bigint", runs.toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(11);
                    messages.add(rows.wasNull()
                            ? validated(Source.of(rows), Map.of(RUN_HEADER, rows.getString(9)))
                            : quarantined(rows));
                }
            }
        }
        return messages;
    }

    /**
     * Locks those of the runs that are still unpublished and not being published elsewhere, and returns the messages
     * of their records, built from the batches as validation held them rather than read back.
     */
    Claim claimFresh(List<BatchValidated> batches) throws SQLException {
        List<Long> locked;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(LOCK_RUNS)) {
            s.setArray(1, c.createArrayOf("bigint", batches.stream().map(b -> b.run().id).toArray()));
            locked = ids(s);
        }
        List<DownstreamMessage> messages = new ArrayList<>();
        for (BatchValidated batch : batches) {
            if (locked.contains(batch.run().id)) {
                messages.addAll(messagesOf(batch));
            }
        }
        return new Claim(messages, locked);
    }

    /** A run's messages from its batch in memory, in the order and with the content of {@link #readBack}. */
    List<DownstreamMessage> messagesOf(BatchValidated batch) {
        ValidationRun run = batch.run();
        Map<Long, RejectedRecord> rejected = new HashMap<>();
        batch.rejected().forEach(r -> rejected.put(r.stagedRecordId(), r));
        List<DownstreamMessage> messages = new ArrayList<>(batch.records().size());
        for (StagedRecord record : batch.records()) {
            RejectedRecord failed = rejected.get(record.id());
            messages.add(failed == null
                    ? validated(new Source(batch.datasetName(), record.id(), record.key(), record.payload().json(),
                            record.topic() + "/" + record.partition() + "/" + record.offset(), record.ingestedAt(),
                            batch.contractVersion()), Map.of(RUN_HEADER, String.valueOf(run.id)))
                    : quarantined(batch.datasetName(), record.id(), record.key(), run.id, run.contractVersionId,
                            json.valueToTree(failed.failures()), run.finishedAt));
        }
        return messages;
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
                    messages.add(validated(Source.of(rows), Map.of("plumbline-release-seq", rows.getString(11),
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

    /** A record for the validated topic: the staged record, where it was read from, the version that passed it. */
    private record Source(String dataset, long stagedRecordId, String key, String payload, String position,
            Instant ingestedAt, String contractVersion) {

        // Columns 1–8 and 10 are the same in both queries: dataset, staged record, source position, version.
        static Source of(ResultSet row) throws SQLException {
            return new Source(row.getString(1), row.getLong(2), row.getString(3), row.getString(4),
                    row.getString(5) + "/" + row.getInt(6) + "/" + row.getLong(7), row.getTimestamp(8).toInstant(),
                    row.getString(10));
        }
    }

    private DownstreamMessage validated(Source source, Map<String, String> provenance) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DownstreamMessage.RECORD_ID, String.valueOf(source.stagedRecordId()));
        headers.put("plumbline-source", source.position());
        headers.put("plumbline-ingested-at", source.ingestedAt().toString());
        headers.put("plumbline-contract-version", source.contractVersion());
        headers.putAll(provenance);
        return new DownstreamMessage(config.validatedTopic(source.dataset()), source.key(), source.payload(), headers);
    }

    // The announcement as the quarantine topic has always carried it: the reasons, with what they refer to.
    private DownstreamMessage quarantined(ResultSet row) throws SQLException {
        try {
            return quarantined(row.getString(1), row.getLong(2), row.getString(3), row.getLong(12), row.getLong(13),
                    json.readTree(row.getString(14)), row.getTimestamp(15).toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("quarantine entry " + row.getLong(11) + " has unreadable reasons", e);
        }
    }

    private DownstreamMessage quarantined(String dataset, long stagedRecordId, String key, long runId,
            long contractVersionId, JsonNode failures, Instant quarantinedAt) {
        Map<String, Object> announcement = new LinkedHashMap<>();
        announcement.put("dataset", dataset);
        announcement.put("stagedRecordId", stagedRecordId);
        announcement.put("validationRunId", runId);
        announcement.put("contractVersionId", contractVersionId);
        announcement.put("failures", failures);
        announcement.put("quarantinedAt", quarantinedAt.toString());
        try {
            return new DownstreamMessage(quarantine.topic(dataset), key, json.writeValueAsString(announcement),
                    Map.of(DownstreamMessage.RECORD_ID, String.valueOf(stagedRecordId)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the announcement of staged record " + stagedRecordId, e);
        }
    }

    private static List<Long> ids(PreparedStatement query) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private void mark(String sql, List<Long> ids) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            s.setArray(1, array);
            s.executeUpdate();
        }
    }
}
