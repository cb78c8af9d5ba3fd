package dev.plumbline.featurestore.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.AuditLog;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.featurestore.FeatureFixtures;
import dev.plumbline.featurestore.FeatureRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A training set's rows go after the retention period while its record stays; who asked for it may delete it. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class TrainingSetRetentionTest {

    @Inject
    DatasetRegistry datasets;
    @Inject
    FeatureRegistry registry;
    @Inject
    TrainingSetRetention retention;
    @Inject
    AuditLog audit;

    String view;

    @BeforeEach
    void aView() {
        String dataset = PipelineFixtures.freshDatasetName("tsr");
        view = FeatureFixtures.ordersView(datasets, registry, dataset,
                "kept_" + dataset.substring(4), "currency",
                "{name: orders_7d, aggregation: count, field: order_id, window: 7d}").viewName();
    }

    @Test
    void afterTheRetentionPeriodTheRowsAreGoneWithA410AndTheRecordAndItsPageRemain() {
        String set = "/api/training-sets/" + create(TestAccounts.VIEWER);
        Sessions.as(TestAccounts.VIEWER).get(set + "/rows.csv").then().statusCode(200);

        assertThat(retention.sweep(Instant.now().plus(Duration.ofDays(29)))).isZero();
        Sessions.as(TestAccounts.VIEWER).get(set + "/rows.csv").then().statusCode(200);
        assertThat(retention.sweep(Instant.now().plus(Duration.ofDays(31)))).isPositive();

        for (String rows : new String[] {"/rows.csv", "/rows.parquet"}) {
            Sessions.as(TestAccounts.VIEWER).get(set + rows).then().statusCode(410)
                    .body("title", equalTo("Gone")).body("detail", containsString("deleted by retention"));
        }
        Sessions.as(TestAccounts.VIEWER).get(set).then().statusCode(200)
                .body("trainingSet.views[0].name", equalTo(view)).body("trainingSet.rowCount", equalTo(2));
        Sessions.as(TestAccounts.VIEWER).get(set.replace("/api/training-sets", "/features/training-sets")).then()
                .statusCode(200).body(containsString("deleted by retention"));
    }

    @Test
    void onlyWhoAskedForASetOrAnAdministratorMayDeleteItAndTheDeletionIsAudited() {
        long id = create(TestAccounts.VIEWER);
        String set = "/api/training-sets/" + id;

        Sessions.as(TestAccounts.EDITOR).accept("application/json").delete(set).then().statusCode(403)
                .body("error", containsString("asked for by " + TestAccounts.VIEWER));
        Sessions.as(TestAccounts.VIEWER).delete(set).then().statusCode(204);
        Sessions.as(TestAccounts.VIEWER).get(set).then().statusCode(404);
        Sessions.as(TestAccounts.VIEWER).delete(set).then().statusCode(404);
        assertThat(audit.about("training_set", Long.toString(id))).extracting(e -> e.action())
                .contains("training_set.created", "training_set.deleted");

        long other = create(TestAccounts.VIEWER);
        Sessions.as(TestAccounts.ADMIN).delete("/api/training-sets/" + other).then().statusCode(204);
    }

    private long create(String user) {
        return ((Number) Sessions.as(user).contentType("text/csv")
                .body("currency,label_time\nUSD,2026-01-01T00:00:00Z\nEUR,2026-01-02T00:00:00Z\n")
                .post("/api/training-sets?view=" + view).then().statusCode(201).extract().path("trainingSet.id"))
                .longValue();
    }
}
