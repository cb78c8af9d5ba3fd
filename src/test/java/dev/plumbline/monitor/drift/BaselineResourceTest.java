package dev.plumbline.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Baselines for contract authors, from an uploaded file or a past window of a dataset's accepted records. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class BaselineResourceTest {

    @Inject
    DatasetRegistry registry;
    @Inject
    DataSource dataSource;

    @Test
    void anUploadedCsvGivesTheBaselineAsJsonAndAsYamlToPaste() {
        JsonPath answer = Sessions.as(TestAccounts.VIEWER).contentType("text/csv")
                .body("channel,amount\nweb,10\npos,20\npos,\nmobile,40\n")
                .post("/api/baselines?column=amount&bins=2").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getInt("values")).isEqualTo(3);
        assertThat(answer.getInt("nulls")).isEqualTo(1);
        assertThat(answer.getList("baseline.edges", Double.class)).containsExactly(20.0);
        assertThat(answer.getString("yaml")).startsWith("baseline:\n  edges:\n  - 20.0\n");
    }

    @Test
    void badReferencesAreRefusedWithTheReason() {
        Sessions.as(TestAccounts.VIEWER).contentType("text/csv").body("amount\n1\nabc\n").post("/api/baselines?column=amount").then()
                .statusCode(400).body("error", equalTo("line 3: \"abc\" is not a number"));
        Sessions.as(TestAccounts.VIEWER).get("/api/baselines?dataset=nope&column=amount&from=yesterday&to=now").then()
                .statusCode(400).body("error", startsWith("from must be an ISO-8601 instant"));
    }

    @Test
    void aPastWindowOfAcceptedRecordsGivesTheBaselineWithoutTheQuarantinedOnes() throws Exception {
        String dataset = PipelineFixtures.freshDatasetName("baseline");
        QuarkusTransaction.requiringNew().run(() -> PipelineFixtures.registerOrders(registry, dataset));
        Instant from = Instant.now().minusSeconds(1);
        List<String> orders = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            orders.add(PipelineFixtures.order(dataset + "-" + i, i, "EUR"));
        }
        orders.add(PipelineFixtures.order(dataset + "-too-much", 5000, "EUR"));
        TestKafka.publish(dataset, orders);
        awaitValidated(dataset, orders.size());

        JsonPath answer = Sessions.as(TestAccounts.VIEWER).queryParam("dataset", dataset).queryParam("column", "amount")
                .queryParam("from", from.toString()).queryParam("to", Instant.now().plusSeconds(1).toString())
                .queryParam("bins", 4).get("/api/baselines").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getInt("values")).as("the amount above the contract's maximum stays out").isEqualTo(40);
        assertThat(answer.getList("baseline.edges", Double.class)).containsExactly(10.75, 20.5, 30.25);
        assertThat(answer.getString("source")).isEqualTo("window");
    }

    private void awaitValidated(String dataset, int records) throws Exception {
        String sql = "SELECT coalesce(sum(r.record_count), 0) FROM validation_run r JOIN dataset d"
                + " ON d.id = r.dataset_id WHERE d.name = ?";
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, dataset);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= records) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(dataset + ": " + records + " records not validated within 60 s");
    }
}
