package dev.plumbline.bench;

import dev.plumbline.TempFolders;
import dev.plumbline.embedded.LocalPostgres;
import dev.plumbline.ingest.IncomingRecord;
import dev.plumbline.ingest.StagingRepository;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * W3: Plumbline's staging writer against a raw PostgreSQL COPY of the same rows into a table of the same
 * shape, both committing once per batch of {@code batch} records as the listener does per poll, in one
 * process on one embedded PostgreSQL, batch by batch in turn. Prints records/s of each and their ratio.
 * Usage: {@code StagingBenchmark [records=200000] [batch=500] [rounds=3]}.
 */
public final class StagingBenchmark {

    private StagingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = TempFolders.deletedOnExit("plumbline-bench-staging");
        try (LocalPostgres postgres = LocalPostgres.start(dir, 0);
                SingleConnection db = new SingleConnection(postgres.jdbcUrl(), "postgres")) {
            Flyway.configure().dataSource(postgres.jdbcUrl(), "postgres", "").load().migrate();
            try (Statement s = db.raw().createStatement()) {
                s.execute("CREATE TABLE copy_target (LIKE staged_record INCLUDING ALL)");
            }
            db.commit();
            List<List<IncomingRecord>> batches = batches(records, batch);
            StagingRepository staging = new StagingRepository(db);
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                truncate(db);
                long[] nanos = new long[2];
                for (int i = 0; i < batches.size(); i++) {
                    List<IncomingRecord> b = batches.get(i);
                    Work stage = () -> {
                        staging.stage(b, Instant.now());
                        db.commit();
                    };
                    Work copy = () -> {
                        copy(db, b);
                        db.commit();
                    };
                    // Interleaved, each going first every other batch, so both see the same machine load.
                    if (i % 2 == 0) {
                        nanos[0] += time(stage);
                        nanos[1] += time(copy);
                    } else {
                        nanos[1] += time(copy);
                        nanos[0] += time(stage);
                    }
                }
                requireRows(db, "staged_record", records);
                requireRows(db, "copy_target", records);
                double staged = records / (nanos[0] / 1e9), copied = records / (nanos[1] / 1e9);
                ratios.add(staged / copied);
                System.out.printf(Locale.ROOT, "round %d: %d records in batches of %d: staging %.0f rec/s, COPY %.0f rec/s,"
                        + " ratio %.2f%n", round, records, batch, staged, copied, staged / copied);
            }
            System.out.printf(Locale.ROOT, "median ratio staging / COPY over %d rounds: %.2f (goal >= 0.8)%n", rounds,
                    median(ratios));
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    interface Work {
        void run() throws Exception;
    }

    private static long time(Work work) throws Exception {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }

    private static void copy(SingleConnection db, List<IncomingRecord> batch) throws Exception {
        StringBuilder csv = new StringBuilder();
        String now = Instant.now().toString();
        for (IncomingRecord r : batch) {
            String json = new String(r.value(), StandardCharsets.UTF_8).replace("\"", "\"\"");
            csv.append(r.topic()).append(',').append(r.partition()).append(',').append(r.offset()).append(',')
                    .append(r.key()).append(",\"").append(json).append("\",").append(now).append('\n');
        }
        db.raw().unwrap(PGConnection.class).getCopyAPI().copyIn("COPY copy_target (topic, kafka_partition,"
                + " kafka_offset, record_key, payload, ingested_at) FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
    }

    // Both sides must have written every row, or their rates mean nothing.
    private static void requireRows(SingleConnection db, String table, long expected) throws SQLException {
        try (Statement s = db.raw().createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            if (rs.getLong(1) != expected) {
                throw new IllegalStateException(table + " holds " + rs.getLong(1) + " rows, not " + expected);
            }
        }
        db.commit();
    }

    private static void truncate(SingleConnection db) throws SQLException {
        try (Statement s = db.raw().createStatement()) {
            s.execute("TRUNCATE staged_record, copy_target CASCADE");
        }
        db.commit();
    }

    private static List<List<IncomingRecord>> batches(int records, int size) {
        List<List<IncomingRecord>> batches = new ArrayList<>();
        for (int start = 0; start < records; start += size) {
            List<IncomingRecord> batch = new ArrayList<>();
            for (long n = start; n < Math.min(records, start + size); n++) {
                String key = String.format(Locale.ROOT, "cus-%05d", n % 5000);
                batch.add(new IncomingRecord("bench", 0, n, key, DrillProducer.event(n, key)));
            }
            batches.add(batch);
        }
        return batches;
    }
}
