package dev.plumbline.bench;

import dev.plumbline.TempFolders;
import dev.plumbline.embedded.LocalPostgres;
import dev.plumbline.transform.Aggregation;
import dev.plumbline.transform.EventCache;
import dev.plumbline.transform.FeatureSpec;
import dev.plumbline.transform.FeatureViewDefinition;
import dev.plumbline.transform.FeatureViewVersion;
import dev.plumbline.transform.PointInTimeJoin;
import dev.plumbline.transform.Window;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;

/**
 * W6: Plumbline's training-set join ({@link PointInTimeJoin}, as {@code POST /api/training-sets} runs it) against
 * its peers, DuckDB and PostgreSQL {@code LATERAL} ({@link TrainingSetPeers}), on the same generated events and
 * labels, with the three outputs digested in label order and compared. Plumbline reads Plumbline's own schema:
 * Flyway's migrations on an embedded PostgreSQL 17, the events copied into {@code feature_event} (one view version,
 * {@code {"amount_cents": …}} as field values and its double as field numbers; the foreign keys to staging and
 * runs are dropped, since the events are not staged) and its index, then a feature view of count, sum and max of
 * {@code amount_cents} over 30 days.
 * The join reads over two connections, as the resource does, and is timed from its first query to its last row
 * folded (the Parquet file is not written). It keeps the events in memory as a replica does ({@link EventCache},
 * {@code -Dw6.cacheBytes}, 4 GiB; 0 reads only the labels' entities and span every round): the first round reads
 * them, later rounds use them; both are printed. With {@code -Dw6.readEveryRound=true} every round starts with an
 * empty cache, so the rounds after the first read the events in a JVM whose code is already compiled, as a replica
 * that has served other training sets does.
 *
 * <p>{@code java -cp … dev.plumbline.bench.TrainingSetBenchmark [events] [labels] [entities] [rounds]}
 */
public final class TrainingSetBenchmark {

    private TrainingSetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000;
        long labels = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        long entities = args.length > 2 ? Long.parseLong(args[2]) : 100_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path dir = TempFolders.deletedOnExit("plumbline-bench-w6");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                LocalPostgres postgres = LocalPostgres.start(dir.resolve("pg"), 0);
                Connection pg = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
                Connection pgSecond = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
            long start = System.nanoTime();
            try (Statement s = duck.createStatement()) {
                s.execute("SET threads = 2");
                s.execute(String.format(Locale.ROOT, TrainingSetPeers.GENERATE, entities, events, labels));
            }
            System.out.printf(Locale.ROOT, "generated %,d events and %,d labels over %,d entities in %.1f s%n",
                    events, labels, entities, TrainingSetPeers.seconds(start));
            // Plumbline's schema first: Flyway migrates only an empty database.
            Flyway.configure().dataSource(postgres.jdbcUrl(), "postgres", "").locations("classpath:db/migration")
                    .load().migrate();
            TrainingSetPeers.load(duck, pg, dir);
            loadFeatureEvents(duck, pg, dir);
            List<PointInTimeJoin.Label> rows = labels(duck);
            if (Boolean.getBoolean("w6.jitOff")) {
                try (Statement s = pg.createStatement()) {
                    s.execute("SET jit = off");
                }
            }

            TrainingSetPeers.Run duckdb = null;
            TrainingSetPeers.Run plumbline = null;
            TrainingSetPeers.Run firstDuckdb = null;
            TrainingSetPeers.Run firstPlumbline = null;
            long cacheBytes = Long.getLong("w6.cacheBytes", 4L << 30);
            EventCache cache = new EventCache(cacheBytes);
            for (int round = 1; round <= rounds; round++) {
                if (Boolean.getBoolean("w6.readEveryRound")) {
                    cache = new EventCache(cacheBytes); // each round a replica's first join of the version
                }
                duckdb = TrainingSetPeers.run(duck, TrainingSetPeers.DUCKDB_JOIN, labels, "DuckDB, round " + round);
                plumbline = plumbline(pg, pgSecond, rows, cache, "Plumbline, round " + round);
                firstDuckdb = firstDuckdb == null ? duckdb : firstDuckdb;
                firstPlumbline = firstPlumbline == null ? plumbline : firstPlumbline;
            }
            TrainingSetPeers.Run lateral = TrainingSetPeers.run(pg, TrainingSetPeers.POSTGRES_JOIN, labels,
                    "PostgreSQL LATERAL");
            boolean same = duckdb.digest().equals(plumbline.digest()) && duckdb.digest().equals(lateral.digest());
            System.out.println(same ? "identical output: " + duckdb.digest() : "OUTPUTS DIFFER: DuckDB "
                    + duckdb.digest() + ", PostgreSQL " + lateral.digest() + ", Plumbline " + plumbline.digest());
            System.out.printf(Locale.ROOT, "Plumbline / DuckDB: %.2f×, Plumbline / PostgreSQL: %.2f× (last rounds)%n",
                    plumbline.labelsPerSecond() / duckdb.labelsPerSecond(),
                    plumbline.labelsPerSecond() / lateral.labelsPerSecond());
            System.out.printf(Locale.ROOT, "first rounds (Plumbline reading the events): Plumbline / DuckDB: %.2f×,"
                    + " Plumbline / PostgreSQL: %.2f×%n",
                    firstPlumbline.labelsPerSecond() / firstDuckdb.labelsPerSecond(),
                    firstPlumbline.labelsPerSecond() / lateral.labelsPerSecond());
        }
    }

    /** Plumbline's schema, and the generated events as one view version's {@code feature_event} rows. */
    private static void loadFeatureEvents(Connection duck, Connection pg, Path dir) throws Exception {
        long start = System.nanoTime();
        try (Statement s = duck.createStatement()) {
            // field_numbers as materialization writes it: amount_cents as a big-endian double in bytea's hex form.
            // DuckDB cannot reinterpret a double's bits, so they are built from the integer: for 0 < n < 2^52 with
            // e = floor(log2 n), exponent 1023 + e and the bits of n below its leading one as the fraction.
            s.execute("COPY (SELECT 1, event_id + 1, entity::VARCHAR, strftime(event_time, '%Y-%m-%d %H:%M:%S+00'),"
                    + " strftime(known_at, '%Y-%m-%d %H:%M:%S+00'), 1, '{\"amount_cents\": ' || amount_cents || '}',"
                    + " '\\x' || lpad(lower(hex(CASE WHEN amount_cents = 0 THEN 0 ELSE"
                    + " ((1023 + floor(log2(amount_cents))::BIGINT) << 52)"
                    + " | ((amount_cents - (1::BIGINT << floor(log2(amount_cents))::BIGINT))"
                    + " << (52 - floor(log2(amount_cents))::BIGINT)) END)), 16, '0')"
                    + " FROM events) TO '" + dir.resolve("feature_event.csv") + "' (HEADER false)");
        }
        try (Statement s = pg.createStatement()) {
            s.execute("ALTER TABLE feature_event DROP CONSTRAINT feature_event_view_version_id_fkey,"
                    + " DROP CONSTRAINT feature_event_staged_record_id_fkey,"
                    + " DROP CONSTRAINT feature_event_validation_run_id_fkey");
            s.execute("DROP INDEX feature_event_by_entity");
        }
        TrainingSetPeers.copy(pg, "feature_event", dir.resolve("feature_event.csv"));
        try (Statement s = pg.createStatement()) {
            s.execute("CREATE INDEX feature_event_by_entity ON feature_event (view_version_id, entity_key, event_time)");
            s.execute("VACUUM (ANALYZE) feature_event");
        }
        System.out.printf(Locale.ROOT, "loaded feature_event and indexed in %.1f s%n", TrainingSetPeers.seconds(start));
    }

    private static List<PointInTimeJoin.Label> labels(Connection duck) throws Exception {
        List<PointInTimeJoin.Label> labels = new ArrayList<>();
        try (Statement s = duck.createStatement();
                ResultSet rs = s.executeQuery("SELECT entity::VARCHAR, label_time FROM labels ORDER BY label_id")) {
            while (rs.next()) {
                labels.add(new PointInTimeJoin.Label(rs.getString(1),
                        rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
            }
        }
        return labels;
    }

    private static TrainingSetPeers.Run plumbline(Connection pg, Connection pgSecond,
            List<PointInTimeJoin.Label> labels, EventCache cache, String name) throws Exception {
        long reads = cache.reads();
        long hits = cache.hits();
        long start = System.nanoTime();
        PointInTimeJoin.Joined joined = PointInTimeJoin.join(pg, pgSecond, VIEW, labels, cache);
        double elapsed = TrainingSetPeers.seconds(start);
        name += cache.reads() > reads ? " (read the events)" : cache.hits() > hits ? " (events held)" : " (no copy)";
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < labels.size(); i++) {
            Object[] v = joined.row(i);
            String line = i + "," + v[0] + "," + (v[1] == null ? 0 : Math.round((Double) v[1])) + ","
                    + (v[2] == null ? "" : Long.toString(Math.round((Double) v[2])));
            sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        TrainingSetPeers.Run run = new TrainingSetPeers.Run(labels.size(),
                HexFormat.of().formatHex(sha.digest()).substring(0, 16), labels.size() / elapsed);
        System.out.printf(Locale.ROOT, "%s: %,d rows in %.2f s, %,.0f label rows/s%n", name, labels.size(), elapsed,
                run.labelsPerSecond());
        return run;
    }

    static final FeatureViewVersion VIEW;

    static {
        List<FeatureSpec> features = List.of(
                new FeatureSpec("n", Aggregation.COUNT, "amount_cents", Window.parse("30d")),
                new FeatureSpec("total", Aggregation.SUM, "amount_cents", Window.parse("30d")),
                new FeatureSpec("top", Aggregation.MAX, "amount_cents", Window.parse("30d")));
        FeatureViewDefinition definition = new FeatureViewDefinition("w6", "entity", "events", "event_time", "bench",
                "1.0.0", null, features, null);
        VIEW = new FeatureViewVersion(1, "w6", "bench", 1, "1.0.0", "active", definition, "", "bench", Instant.EPOCH);
    }
}
