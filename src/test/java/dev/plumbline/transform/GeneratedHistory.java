package dev.plumbline.transform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A generated history of an orders dataset written straight into staging, validation runs and quarantine, with
 * chosen ingestion and release times: in-order, late (hours, days) and out-of-order events, records quarantined
 * and left open, discarded, or released later. {@link Event#knownAt()} is null for records that never pass.
 */
final class GeneratedHistory {

    /** One generated record as the reference sees it. */
    record Event(long recordId, String entity, String orderId, Double amount, Instant eventTime, Instant knownAt) {
    }

    static final List<String> ENTITIES = List.of("e0", "e1", "e2", "e3");

    private GeneratedHistory() {
    }

    static List<Event> write(DataSource dataSource, long datasetId, long contractVersionId, String topic,
            Instant base, int count, long seed) throws SQLException {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long run = 0;
            for (int i = 0; i < count; i++) {
                if (i % 25 == 0) {
                    run = insertRun(c, datasetId, contractVersionId, base);
                }
                Instant eventTime = base.plusSeconds(random.nextInt(10 * 86_400));
                Instant ingested = eventTime.plus(delay(random));
                String entity = ENTITIES.get(random.nextInt(ENTITIES.size()));
                String orderId = "o" + random.nextInt(count / 3);
                Double amount = random.nextInt(10) == 0 ? null : Math.round(random.nextDouble() * 10_000) / 100.0;
                long id = insertRecord(c, topic, i, entity, orderId, amount, eventTime, ingested, run);
                Instant knownAt = quarantine(c, random, id, datasetId, run, contractVersionId, ingested);
                events.add(new Event(id, entity, orderId, amount, eventTime, knownAt));
            }
            c.commit();
        }
        return events;
    }

    private static Duration delay(Random random) {
        int kind = random.nextInt(10);
        if (kind < 7) {
            return Duration.ofSeconds(random.nextInt(600));
        }
        return kind < 9 ? Duration.ofMinutes(random.nextInt(600)) : Duration.ofHours(24 + random.nextInt(72));
    }

    /** Quarantines one record in five: open, discarded or released later; returns when it became known. */
    private static Instant quarantine(Connection c, Random random, long recordId, long datasetId, long run,
            long contractVersionId, Instant ingested) throws SQLException {
        int fate = random.nextInt(15);
        if (fate >= 3) {
            return ingested;
        }
        String status = fate == 0 ? "open" : fate == 1 ? "discarded" : "released";
        Instant resolved = fate == 0 ? null : ingested.plus(Duration.ofMinutes(30 + random.nextInt(3000)));
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO quarantined_record (staged_record_id, dataset_id, validation_run_id, contract_version_id,
                    failures, status, quarantined_at, resolved_at, resolved_by, resolution_note, release_seq)
                VALUES (?, ?, ?, ?, '[]', ?, ?, ?, 'tester', ?,
                        CASE WHEN ? = 'released' THEN nextval('quarantine_release_seq') END)""")) {
            s.setLong(1, recordId);
            s.setLong(2, datasetId);
            s.setLong(3, run);
            s.setLong(4, contractVersionId);
            s.setString(5, status);
            s.setTimestamp(6, Timestamp.from(ingested));
            s.setTimestamp(7, resolved == null ? null : Timestamp.from(resolved));
            s.setString(8, fate == 1 ? "generated" : null);
            s.setString(9, status);
            s.executeUpdate();
        }
        return fate == 2 ? resolved : null;
    }

    private static long insertRun(Connection c, long datasetId, long contractVersionId, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO validation_run (dataset_id, contract_version_id, started_at, finished_at, record_count,
                    passed_count, quarantined_count, pass_rate, success)
                VALUES (?, ?, ?, ?, 25, 25, 0, 1, true) RETURNING id""")) {
            s.setLong(1, datasetId);
            s.setLong(2, contractVersionId);
            s.setTimestamp(3, Timestamp.from(at));
            s.setTimestamp(4, Timestamp.from(at));
            return single(s);
        }
    }

    private static long insertRecord(Connection c, String topic, int offset, String entity, String orderId,
            Double amount, Instant eventTime, Instant ingested, long run) throws SQLException {
        String payload = "{\"order_id\":\"" + orderId + "\",\"currency\":\"" + entity + "\""
                + (amount == null ? "" : ",\"amount\":" + amount) + ",\"event_time\":\"" + eventTime + "\"}";
        // Validated already, so outside staging order (no staged_xact, as records validated before V21), and named
        // by its run.
        try (PreparedStatement s = c.prepareStatement("""
                WITH s AS (INSERT INTO staged_record (topic, kafka_partition, kafka_offset, payload, ingested_at,
                               staged_xact) VALUES (?, 0, ?, ?::jsonb, ?, NULL) RETURNING id),
                     r AS (UPDATE validation_run SET staged_ids = staged_ids || (SELECT id FROM s) WHERE id = ?)
                SELECT id FROM s""")) {
            s.setString(1, topic);
            s.setLong(2, offset);
            s.setString(3, payload);
            s.setTimestamp(4, Timestamp.from(ingested));
            s.setLong(5, run);
            return single(s);
        }
    }

    private static long single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A feature over the events the caller found known, computed the obvious way (the tests' reference). */
    static Object aggregate(List<Event> events, FeatureSpec feature) {
        Function<Event, Object> field = feature.field().equals("amount") ? Event::amount : Event::orderId;
        List<Event> known = events.stream().filter(e -> field.apply(e) != null).toList();
        List<Double> numbers = known.stream().map(Event::amount).filter(x -> x != null).toList();
        double n = numbers.size();
        double mean = numbers.stream().mapToDouble(Double::doubleValue).sum() / n;
        return switch (feature.aggregation()) {
            case COUNT -> (long) known.size();
            case APPROX_DISTINCT -> known.stream().map(field).distinct().count();
            case LAST -> known.stream().max(Comparator.comparing(Event::eventTime).thenComparing(Event::knownAt)
                    .thenComparingLong(Event::recordId)).map(field).orElse(null);
            case SUM -> known.isEmpty() ? null : numbers.stream().mapToDouble(Double::doubleValue).sum();
            case AVG -> known.isEmpty() ? null : mean;
            case MIN -> numbers.stream().min(Double::compare).orElse(null);
            case MAX -> numbers.stream().max(Double::compare).orElse(null);
            case STDDEV -> known.isEmpty() ? null
                    : Math.sqrt(numbers.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / n);
        };
    }
}
