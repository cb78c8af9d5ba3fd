package dev.plumbline;

import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.ContractStatus;
import dev.plumbline.contract.ContractVersion;
import dev.plumbline.contract.DatasetRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Builders for the pipeline tests: a fresh dataset per test, its contract, and order records. */
public final class PipelineFixtures {

    private PipelineFixtures() {
    }

    /** A dataset name (and topic) no other test uses. */
    public static String freshDatasetName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    /** Registers the dataset on the topic of the same name with the test contract for orders, active. */
    public static void registerOrders(DatasetRegistry registry, String dataset) {
        registry.apply(dataset, dataset, "test-team");
        registry.activateFirstContract(dataset, resource("fixtures/pipeline/orders.odcs.yaml"), "alice");
    }

    /**
     * Makes version 1.1.0 of the orders contract active for the dataset, as an activated change request would:
     * amounts up to 1000 instead of 100; 1.0.0 becomes deprecated.
     */
    public static void activateLooserOrders(DatasetRegistry registry, String dataset) {
        String looser = resource("fixtures/pipeline/orders.odcs.yaml")
                .replace("version: 1.0.0", "version: 1.1.0").replace("maximum: 100", "maximum: 1000");
        QuarkusTransaction.requiringNew().run(() -> {
            long datasetId = registry.get(dataset).orElseThrow().id;
            ContractVersion current = ContractVersion.<ContractVersion>find("datasetId = ?1 and status = ?2",
                    datasetId, ContractStatus.ACTIVE).firstResult();
            current.status = ContractStatus.DEPRECATED;
            current.persistAndFlush();
            ContractVersion next = new ContractVersion();
            next.datasetId = datasetId;
            next.version = "1.1.0";
            next.status = ContractStatus.ACTIVE;
            next.odcsYaml = looser;
            next.createdBy = TestAccounts.EDITOR;
            next.createdAt = Instant.now();
            next.activatedAt = Instant.now();
            next.persist();
        });
    }

    public static String order(String id, Object amount, String currency) {
        String idField = id == null ? "" : "\"order_id\":\"" + id + "\",";
        String currencyField = currency == null ? "" : ",\"currency\":\"" + currency + "\"";
        return "{" + idField + "\"amount\":" + amount + currencyField + ",\"event_time\":\""
                + Instant.now().minusSeconds(3) + "\"}";
    }

    public static String resource(String path) {
        try (InputStream in = PipelineFixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
