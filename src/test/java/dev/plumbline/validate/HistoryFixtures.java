package dev.plumbline.validate;

import static org.awaitility.Awaitility.await;

import dev.plumbline.PipelineFixtures;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.ingest.StagingRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Datasets with the contracts of {@code fixtures/history/} and what PostgreSQL holds about their history. */
public record HistoryFixtures(DatasetRegistry registry, StagingRepository staging, DataSource dataSource) {

    /** The contract of {@code fixtures/history/<name>.odcs.yaml}, with {@code CUSTOMERS} naming a dataset. */
    public static String contract(String name, String customers) {
        return PipelineFixtures.resource("fixtures/history/" + name + ".odcs.yaml").replace("CUSTOMERS", customers);
    }

    /**
     * Registers a fresh dataset on the topic of its name, with its first contract active; the name has no hyphen,
     * as ODCS references ({@code dataset.column}) allow letters, digits and underscores only.
     */
    public String register(String prefix, String contract) {
        String dataset = PipelineFixtures.freshDatasetName(prefix).replace('-', '_');
        registry.apply(dataset, dataset, "test-team");
        registry.activateFirstContract(dataset, contract, "alice");
        return dataset;
    }

    /** Waits until the topic has {@code staged} records and none waits for validation. */
    public void awaitValidated(String dataset, long staged) {
        await().atMost(Duration.ofSeconds(60)).until(() -> staging.stagedCount(dataset) == staged
                && staging.pending(dataset).count() == 0);
    }

    /** The dataset's accepted keys of a column, each with the offset of the record it was accepted from. */
    public Map<String, Long> keys(String dataset, String column) {
        Map<String, Long> keys = new LinkedHashMap<>();
        query("""
                SELECT k.key_value, s.kafka_offset FROM dataset_key k JOIN dataset d ON d.id = k.dataset_id
                JOIN staged_record s ON s.id = k.staged_record_id
                WHERE d.name = ? AND k.column_name = ? ORDER BY k.key_value""", List.of(dataset, column),
                rs -> keys.put(rs.getString(1), rs.getLong(2)));
        return keys;
    }

    /** The reasons of the dataset's open quarantine entries, as JSON text, oldest first. */
    public List<String> quarantined(String dataset) {
        List<String> failures = new ArrayList<>();
        query("""
                SELECT q.failures::text FROM quarantined_record q JOIN dataset d ON d.id = q.dataset_id
                WHERE d.name = ? AND q.status = 'open' ORDER BY q.id""", List.of(dataset),
                rs -> failures.add(rs.getString(1)));
        return failures;
    }

    /** What a rule observed in each run of the dataset, oldest first. */
    public List<String> observed(String dataset, String rule) {
        List<String> observed = new ArrayList<>();
        query("""
                SELECT r.success || ' ' || r.observed FROM rule_result r
                JOIN validation_run v ON v.id = r.validation_run_id JOIN dataset d ON d.id = v.dataset_id
                WHERE d.name = ? AND r.rule = ? ORDER BY v.id""", List.of(dataset, rule),
                rs -> observed.add(rs.getString(1)));
        return observed;
    }

    public long stagedId(String dataset, long offset) {
        List<Long> ids = new ArrayList<>();
        query("SELECT id FROM staged_record WHERE topic = ? AND kafka_offset = " + offset, List.of(dataset),
                rs -> ids.add(rs.getLong(1)));
        return ids.get(0);
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<String> parameters, Row row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
