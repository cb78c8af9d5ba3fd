package dev.plumbline.bench;

import dev.plumbline.TempFolders;
import dev.plumbline.contract.ActiveContract;
import dev.plumbline.contract.OdcsContract;
import dev.plumbline.contract.OdcsParser;
import dev.plumbline.embedded.LocalPostgres;
import dev.plumbline.ingest.Payload;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.BatchEvaluation;
import dev.plumbline.validate.Check;
import dev.plumbline.validate.ContractChecks;
import dev.plumbline.validate.ValidationRun;
import dev.plumbline.validate.history.KeyStore;
import dev.plumbline.validate.history.ValidationHistory;
import dev.plumbline.validate.window.StateRepository;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;

/**
 * What the rules beyond one batch cost: the same batches of transaction events checked against the demo contract
 * on their rows alone, then with their history (each transaction id looked up and registered in dataset_key, the
 * windowed PSI states loaded and saved, the latency SLA), committing per batch as validation does, on one
 * embedded PostgreSQL. Prints records/s of each and their ratio.
 * Usage: {@code HistoryBenchmark [records=100000] [batch=1000] [rounds=3]}; {@code -Dcontract=file} checks
 * another contract instead of the demo's.
 */
public final class HistoryBenchmark {

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = TempFolders.deletedOnExit("plumbline-bench-history");
        try (LocalPostgres postgres = LocalPostgres.start(dir, 0);
                SingleConnection db = new SingleConnection(postgres.jdbcUrl(), "postgres")) {
            Flyway.configure().dataSource(postgres.jdbcUrl(), "postgres", "").load().migrate();
            String yaml = demoContract();
            OdcsContract parsed = new OdcsParser().parse(yaml);
            ActiveContract contract = register(db, yaml, parsed);
            Check check = new ContractChecks().compile(parsed);
            ValidationHistory history = new ValidationHistory(new KeyStore(db), new StateRepository(db));
            List<List<StagedRecord>> batches = batches(records, batch);
            for (int round = 1; round <= rounds; round++) {
                truncate(db);
                double alone = rate(records, () -> batches.forEach(b -> BatchEvaluation.of(b, check, "event_time")));
                double withHistory = rate(records, () -> {
                    for (List<StagedRecord> b : batches) {
                        Instant now = Instant.now();
                        BatchEvaluation evaluation = BatchEvaluation.of(b, check, "event_time",
                                history.forBatch(contract, now));
                        history.recorded(run(db, contract, evaluation, now), evaluation);
                        db.commit();
                    }
                });
                System.out.printf(Locale.ROOT, "round %d: %d records in batches of %d: rows alone %.0f rec/s, with "
                        + "history %.0f rec/s, ratio %.2f%n", round, records, batch, alone, withHistory,
                        withHistory / alone);
            }
        }
    }

    interface Work {
        void run() throws Exception;
    }

    private static double rate(int records, Work work) throws Exception {
        long started = System.nanoTime();
        work.run();
        return records / ((System.nanoTime() - started) / 1e9);
    }

    private static ActiveContract register(SingleConnection db, String yaml, OdcsContract parsed) throws SQLException {
        long datasetId = insert(db, "INSERT INTO dataset (name, topic, owning_team) VALUES ('bench', 'bench', 'bench') "
                + "RETURNING id", null);
        long versionId = insert(db, "INSERT INTO contract_version (dataset_id, version, status, odcs_yaml, created_by) "
                + "VALUES (" + datasetId + ", '1.0.0', 'active', ?, 'bench') RETURNING id", yaml);
        db.commit();
        return new ActiveContract(datasetId, "bench", "bench", versionId, "1.0.0", parsed);
    }

    private static ValidationRun run(SingleConnection db, ActiveContract contract, BatchEvaluation evaluation,
            Instant startedAt) throws SQLException {
        ValidationRun run = new ValidationRun();
        run.datasetId = contract.datasetId();
        run.finishedAt = Instant.now();
        run.id = insert(db, "INSERT INTO validation_run (dataset_id, contract_version_id, started_at, finished_at, "
                + "record_count, passed_count, quarantined_count, pass_rate, success) VALUES (" + contract.datasetId()
                + ", " + contract.versionId() + ", '" + Timestamp.from(startedAt) + "', '"
                + Timestamp.from(run.finishedAt) + "', " + evaluation.recordCount() + ", " + evaluation.passedCount()
                + ", " + evaluation.rejected().size() + ", " + evaluation.passRate() + ", " + evaluation.success()
                + ") RETURNING id", null);
        return run;
    }

    private static long insert(SingleConnection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = db.raw().prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void truncate(SingleConnection db) throws SQLException {
        try (Statement s = db.raw().createStatement()) {
            s.execute("TRUNCATE dataset_key, analyzer_state");
        }
        db.commit();
    }

    private static List<List<StagedRecord>> batches(int records, int size) {
        List<List<StagedRecord>> batches = new ArrayList<>();
        Instant ingested = Instant.now();
        for (int start = 0; start < records; start += size) {
            List<StagedRecord> batch = new ArrayList<>();
            for (long n = start; n < Math.min(records, start + size); n++) {
                String customer = String.format(Locale.ROOT, "cus-%05d", n % 5000);
                String json = new String(DrillProducer.event(n, customer), StandardCharsets.UTF_8);
                batch.add(new StagedRecord(n + 1, "bench", 0, n, customer, new Payload(json, null, null), ingested));
            }
            batches.add(batch);
        }
        return batches;
    }

    private static String demoContract() throws Exception {
        if (System.getProperty("contract") != null) {
            return Files.readString(Path.of(System.getProperty("contract")));
        }
        try (InputStream in = HistoryBenchmark.class.getResourceAsStream("/demo/transactions.odcs.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
