package dev.plumbline.featurestore;

import static dev.plumbline.featurestore.FeatureViewApi.COUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.access.AuditLog;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.transform.FeatureValues;
import dev.plumbline.transform.FeatureViewStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rolling a feature view back to a version that was active before is a reviewed change, as for contracts. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class FeatureViewRollbackTest {

    @Inject
    DatasetRegistry datasets;
    @Inject
    FeatureViewStore store;
    @Inject
    FeatureValues values;
    @Inject
    AuditLog audit;

    String dataset;
    String view;

    @BeforeEach
    void viewWithTwoActivatedVersions() {
        dataset = PipelineFixtures.freshDatasetName("fb");
        PipelineFixtures.registerOrders(datasets, dataset);
        view = "spend_" + dataset.substring(3);
        FeatureViewApi.apply(TestAccounts.EDITOR, yaml("1.0.0", "")).then().statusCode(201);
    }

    String yaml(String version, String moreFeatures) {
        return FeatureViewApi.spendView(view, dataset, version, moreFeatures);
    }

    @Test
    void aRollbackIsReviewedLikeAChangeAndMakesTheEarlierVersionServedAgain() {
        activate(proposeVersion("1.1.0", COUNT));
        as(TestAccounts.VIEWER).post(rollbacks("1.0.0")).then().statusCode(403);
        as(TestAccounts.OUTSIDER).post(rollbacks("1.0.0")).then().statusCode(403);

        long id = as(TestAccounts.EDITOR).post(rollbacks("1.0.0")).then().statusCode(201)
                .header("Location", containsString("/api/change-requests/"))
                .body("kind", equalTo("rollback")).body("title", equalTo("Roll back to 1.0.0"))
                .body("impact", equalTo("breaking")).body("changes.reason", org.hamcrest.Matchers.hasItem(
                        containsString("removed")))
                .extract().jsonPath().getLong("id");
        assertThat(status("1.0.0")).as("the target stays deprecated while under review").isEqualTo("deprecated");
        as(TestAccounts.EDITOR).contentType("text/plain").body(yaml("1.2.0", ""))
                .put("/api/change-requests/" + id).then().statusCode(409)
                .body("error", containsString("a rollback cannot be edited"));
        review(TestAccounts.EDITOR, id).then().statusCode(403);
        review(TestAccounts.APPROVER, id).then().statusCode(201).body("state", equalTo("approved"));
        assertThat(status("1.0.0")).isEqualTo("deprecated");

        as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/activate").then().statusCode(200)
                .body("state", equalTo("active"));
        assertThat(status("1.0.0")).isEqualTo("active");
        assertThat(status("1.1.0")).isEqualTo("deprecated");
        as(TestAccounts.VIEWER).get("/api/feature-views/" + view).then().body("version", equalTo("1.0.0"));
        as(TestAccounts.VIEWER).get("/api/features/" + view + "/entities/USD").then().statusCode(200)
                .body("version", equalTo("1.0.0"));
        assertThat(audit.about("feature_view", view)).extracting(e -> e.action())
                .contains("feature_view.activated");
        assertThat(audit.about("change_request", String.valueOf(id))).extracting(e -> e.action())
                .contains("change_request.proposed", "change_request.approved", "change_request.activated");
    }

    @Test
    void aRollbackNeedsTheConsumersWhenItRemovesWhatTheyUse() {
        activate(proposeVersion("1.1.0", COUNT));
        as(TestAccounts.CONSUMER).put("/api/feature-views/" + view + "/consumers/" + TestAccounts.CONSUMER_TEAM)
                .then().statusCode(204);
        long id = as(TestAccounts.EDITOR).post(rollbacks("1.0.0")).then().statusCode(201)
                .body("approvals.requiredTeams", equalTo(List.of("test-team", "consumer-team")))
                .extract().jsonPath().getLong("id");
        review(TestAccounts.APPROVER, id).then().statusCode(201).body("state", equalTo("open"));
        review(TestAccounts.CONSUMER, id).then().statusCode(201).body("state", equalTo("approved"));
    }

    @Test
    void onlyAVersionThatWasActiveBeforeCanBeRolledBackTo() {
        as(TestAccounts.EDITOR).post(rollbacks("1.0.0")).then().statusCode(409)
                .body("error", containsString("1.0.0 is active"));
        long proposed = proposeVersion("1.1.0", COUNT);
        as(TestAccounts.EDITOR).post(rollbacks("1.1.0")).then().statusCode(409)
                .body("error", containsString("1.1.0 is proposed"));
        as(TestAccounts.EDITOR).post(rollbacks("7.0.0")).then().statusCode(404);
        as(TestAccounts.EDITOR).post("/api/feature-views/" + view + "/rollbacks").then().statusCode(400);
        as(TestAccounts.EDITOR).post("/api/feature-views/no_such_view/rollbacks?to=1.0.0").then().statusCode(404);
        assertThat(store.versions(view)).extracting(v -> v.status()).containsExactly("active", "proposed");
        as(TestAccounts.VIEWER).get("/api/change-requests/" + proposed).then().body("state", equalTo("open"));
    }

    @Test
    void withdrawingARollbackLeavesEveryVersionAsItWas() {
        activate(proposeVersion("1.1.0", COUNT));
        long id = as(TestAccounts.EDITOR).post(rollbacks("1.0.0")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/withdraw").then().statusCode(200);
        assertThat(status("1.0.0")).isEqualTo("deprecated");
        assertThat(status("1.1.0")).isEqualTo("active");
    }

    @Test
    void aVersionActiveAgainCatchesUpOnTheEventsValidatedWhileItWasDeprecated() {
        Instant eventTime = Instant.now().minusSeconds(600);
        TestKafka.publish(dataset, List.of(FeaturePipelineTest.at("a", 10, eventTime)));
        await().atMost(Duration.ofSeconds(60)).until(() -> sum("1.0.0") == 10.0);

        activate(proposeVersion("1.1.0", COUNT));
        TestKafka.publish(dataset, List.of(FeaturePipelineTest.at("b", 5, eventTime)));
        await().atMost(Duration.ofSeconds(60)).until(() -> sum("1.1.0") == 15.0);
        assertThat(sum("1.0.0")).as("a deprecated version is not materialized").isEqualTo(10.0);

        long id = as(TestAccounts.EDITOR).post(rollbacks("1.0.0")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        review(TestAccounts.APPROVER, id).then().statusCode(201);
        as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/activate").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> sum("1.0.0") == 15.0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestAccounts.VIEWER)
                .get("/api/features/" + view + "/entities/USD").then().statusCode(200)
                .body("version", equalTo("1.0.0")).body("features.amount_sum.value", equalTo(15.0f)));
    }

    private long proposeVersion(String version, String moreFeatures) {
        return FeatureViewApi.apply(TestAccounts.EDITOR, yaml(version, moreFeatures)).then().statusCode(202)
                .extract().jsonPath().getLong("id");
    }

    private void activate(long id) {
        review(TestAccounts.APPROVER, id).then().statusCode(201).body("state", equalTo("approved"));
        as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/activate").then().statusCode(200);
    }

    private Response review(String user, long id) {
        return as(user).contentType(ContentType.JSON).body(Map.of("verdict", "approve"))
                .post("/api/change-requests/" + id + "/reviews");
    }

    private String rollbacks(String version) {
        return "/api/feature-views/" + view + "/rollbacks?to=" + version;
    }

    private static RequestSpecification as(String user) {
        return Sessions.as(user).accept("application/json");
    }

    private String status(String version) {
        return store.version(view, version).orElseThrow().status();
    }

    private double sum(String version) {
        Object sum = values.valuesAt(store.version(view, version).orElseThrow(), "USD", Instant.now()).values()
                .get("amount_sum");
        return sum == null ? 0.0 : ((Number) sum).doubleValue();
    }
}
