package dev.plumbline.bench;

import dev.plumbline.TempFolders;
import dev.plumbline.embedded.LocalPostgres;
import java.io.FileReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import org.postgresql.PGConnection;

/**
 * W6's peers: the point-in-time training-set join on generated data, by DuckDB (a range join, which its IEJoin
 * runs in one pass) and by PostgreSQL (a {@code LATERAL} subquery per label over an index), checked to give
 * identical rows. Each label row gets, per entity, the count, sum and maximum of the amounts of the events
 * known strictly before the label time: {@code label_time - 30 days <= event_time < label_time} and
 * {@code known_at < label_time} (the bitemporal rule, as of the instant just before the label). One in twenty
 * events arrives up to five days late, so event-time order and arrival order differ.
 *
 * <p>{@code java -cp … dev.plumbline.bench.TrainingSetPeers [events] [labels] [entities] [duckdb rounds]}
 */
public final class TrainingSetPeers {

    static final String GENERATE = """
            CREATE TABLE events AS
            SELECT i AS event_id, (hash(i * 4 + 1) %% %1$d)::BIGINT AS entity,
                   TIMESTAMP '2026-01-01' + to_seconds((hash(i * 4 + 2) %% 7776000)::BIGINT) AS event_time,
                   (hash(i * 4 + 3) %% 100000)::BIGINT AS amount_cents, hash(i * 4 + 4) AS arrival
            FROM range(%2$d) t(i);
            ALTER TABLE events ADD COLUMN known_at TIMESTAMP;
            UPDATE events SET known_at = event_time + to_seconds(
                CASE WHEN arrival %% 20 = 0 THEN (arrival %% 432000)::BIGINT ELSE (arrival %% 60)::BIGINT END);
            ALTER TABLE events DROP COLUMN arrival;
            CREATE TABLE labels AS
            SELECT j AS label_id, (hash(j * 2 + 7) %% %1$d)::BIGINT AS entity,
                   TIMESTAMP '2026-01-31' + to_seconds((hash(j * 2 + 8) %% 5184000)::BIGINT) AS label_time
            FROM range(%3$d) t(j)""";
    static final String DUCKDB_JOIN = """
            SELECT l.label_id, count(e.event_id), coalesce(sum(e.amount_cents), 0), max(e.amount_cents)
            FROM labels l LEFT JOIN events e ON e.entity = l.entity
                 AND e.event_time >= l.label_time - INTERVAL 30 DAY AND e.event_time < l.label_time
                 AND e.known_at < l.label_time
            GROUP BY l.label_id ORDER BY l.label_id""";
    static final String POSTGRES_JOIN = """
            SELECT l.label_id, f.n, f.total, f.top FROM labels l CROSS JOIN LATERAL (
                SELECT count(*) AS n, coalesce(sum(e.amount_cents), 0) AS total, max(e.amount_cents) AS top
                FROM events e WHERE e.entity = l.entity
                  AND e.event_time >= l.label_time - interval '30 days' AND e.event_time < l.label_time
                  AND e.known_at < l.label_time) f
            ORDER BY l.label_id""";

    private TrainingSetPeers() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000;
        long labels = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        long entities = args.length > 2 ? Long.parseLong(args[2]) : 100_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path dir = TempFolders.deletedOnExit("plumbline-bench-w6");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                LocalPostgres postgres = LocalPostgres.start(dir.resolve("pg"), 0);
                Connection pg = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
            long start = System.nanoTime();
            try (Statement s = duck.createStatement()) {
                s.execute("SET threads = 2");
                s.execute(String.format(Locale.ROOT, GENERATE, entities, events, labels));
            }
            System.out.printf(Locale.ROOT, "generated %,d events and %,d labels over %,d entities in %.1f s%n",
                    events, labels, entities, seconds(start));
            load(duck, pg, dir);
            Run duckdb = null;
            for (int round = 1; round <= rounds; round++) {
                duckdb = run(duck, DUCKDB_JOIN, labels, "DuckDB, round " + round);
            }
            Run postgresRun = run(pg, POSTGRES_JOIN, labels, "PostgreSQL LATERAL");
            System.out.println(duckdb.digest().equals(postgresRun.digest())
                    ? "identical output: " + duckdb.digest()
                    : "OUTPUTS DIFFER: DuckDB " + duckdb.digest() + ", PostgreSQL " + postgresRun.digest());
        }
    }

    /** A join's result: its rows, digested in order, and how fast it came. */
    record Run(long rows, String digest, double labelsPerSecond) {
    }

    static Run run(Connection c, String sql, long labels, String name) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long rows = 0;
        long start = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                long top = r.getLong(4);
                String line = r.getLong(1) + "," + r.getLong(2) + "," + r.getLong(3) + "," + (r.wasNull() ? "" : top);
                sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                rows++;
            }
        }
        double elapsed = seconds(start);
        Run run = new Run(rows, HexFormat.of().formatHex(sha.digest()).substring(0, 16), labels / elapsed);
        System.out.printf(Locale.ROOT, "%s: %,d rows in %.2f s, %,.0f label rows/s%n", name, rows, elapsed,
                run.labelsPerSecond());
        return run;
    }

    // The same rows into PostgreSQL through CSV, with the index a LATERAL lookup needs.
    static void load(Connection duck, Connection pg, Path dir) throws SQLException, Exception {
        long start = System.nanoTime();
        try (Statement s = duck.createStatement()) {
            s.execute("COPY events TO '" + dir.resolve("events.csv") + "' (HEADER false)");
            s.execute("COPY labels TO '" + dir.resolve("labels.csv") + "' (HEADER false)");
        }
        try (Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE events (event_id bigint, entity bigint, event_time timestamp, amount_cents bigint,"
                    + " known_at timestamp)");
            s.execute("CREATE TABLE labels (label_id bigint, entity bigint, label_time timestamp)");
        }
        copy(pg, "events", dir.resolve("events.csv"));
        copy(pg, "labels", dir.resolve("labels.csv"));
        try (Statement s = pg.createStatement()) {
            s.execute("CREATE INDEX events_entity_time ON events (entity, event_time) INCLUDE (known_at, amount_cents)");
            s.execute("VACUUM (ANALYZE) events");
            s.execute("VACUUM (ANALYZE) labels");
        }
        System.out.printf(Locale.ROOT, "loaded PostgreSQL and indexed in %.1f s%n", seconds(start));
    }

    static void copy(Connection pg, String table, Path csv) throws Exception {
        try (Reader in = new FileReader(csv.toFile(), StandardCharsets.UTF_8)) {
            pg.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", in);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
