package dev.plumbline.featurestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.AuditLog;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.transform.FeatureViewStore;
import dev.plumbline.transform.FeatureViewVersion;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A feature view's versions after the first go through the change-request review, as contract versions do. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class FeatureViewReviewTest {

    @Inject
    DatasetRegistry datasets;
    @Inject
    FeatureViewStore store;
    @Inject
    AuditLog audit;

    String dataset;
    String view;

    @BeforeEach
    void viewWithAnActiveVersion() {
        dataset = PipelineFixtures.freshDatasetName("fr");
        PipelineFixtures.registerOrders(datasets, dataset);
        view = "spend_" + dataset.substring(3);
        apply(TestAccounts.EDITOR, yaml("1.0.0", "")).then().statusCode(201).body("status", equalTo("active"));
    }

    String yaml(String version, String moreFeatures) {
        return """
                name: %s
                entity: order_id
                source: %s
                owner: test-team
                version: %s
                features:
                  - name: amount_sum
                    aggregation: sum
                    field: amount
                    window: 1h
                %s""".formatted(view, dataset, version, moreFeatures);
    }

    static final String COUNT = """
              - name: amount_count
                aggregation: count
                field: amount
                window: 1h
            """;

    Response apply(String user, String yaml) {
        return FeatureViewApi.apply(user, yaml);
    }

    static io.restassured.specification.RequestSpecification as(String user) {
        return Sessions.as(user).accept("application/json");
    }

    Response review(String user, long id, String verdict) {
        return as(user).contentType(ContentType.JSON).body(Map.of("verdict", verdict))
                .post("/api/change-requests/" + id + "/reviews");
    }

    @Test
    void anAddedFeatureIsAMinorChangeThatTheOwningTeamApprovesAndActivates() {
        apply(TestAccounts.EDITOR, yaml("1.0.1", COUNT)).then().statusCode(400)
                .body("error", containsString("an additive change needs 1.1.0 or later, not 1.0.1"))
                .body("error", containsString("feature added"));
        long id = apply(TestAccounts.EDITOR, yaml("1.1.0", COUNT)).then().statusCode(202)
                .body("subject", equalTo("feature_view")).body("name", equalTo(view))
                .body("impact", equalTo("additive")).body("requiredBump", equalTo("1.1.0"))
                .body("changes[0].path", equalTo("features[amount_count]"))
                .body("approvals.requiredTeams", equalTo(java.util.List.of("test-team")))
                .extract().jsonPath().getLong("id");
        assertThat(status("1.1.0")).isEqualTo("proposed");
        Sessions.as(TestAccounts.VIEWER).get("/features/" + view).then().statusCode(200)
                .body(containsString("href=\"/change-requests/" + id + "\"")).body(containsString("(open, additive)"))
                .body(containsString("<td>proposed</td>"));

        review(TestAccounts.EDITOR, id, "approve").then().statusCode(403)
                .body("error", containsString("author of a change cannot approve"));
        review(TestAccounts.OUTSIDER, id, "approve").then().statusCode(403);
        as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/activate").then().statusCode(409)
                .body("error", containsString("needs its approvals first"));
        review(TestAccounts.APPROVER, id, "approve").then().statusCode(201).body("state", equalTo("approved"));
        assertThat(status("1.1.0")).isEqualTo("approved");

        as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/activate").then().statusCode(200)
                .body("state", equalTo("active"));
        assertThat(status("1.1.0")).isEqualTo("active");
        assertThat(status("1.0.0")).isEqualTo("deprecated");
        assertThat(store.active()).filteredOn(v -> v.viewName().equals(view)).extracting(FeatureViewVersion::version)
                .containsExactly("1.1.0");
        as(TestAccounts.VIEWER).get("/api/feature-views/" + view).then()
                .body("version", equalTo("1.1.0")).body("features.name", hasItem("amount_count"));
        as(TestAccounts.VIEWER).get("/api/features/" + view + "/entities/o-1").then().statusCode(200)
                .body("version", equalTo("1.1.0"));
        as(TestAccounts.VIEWER).get("/api/features/" + view + "/entities/o-1?version=1.0.0").then()
                .statusCode(409).body("detail", containsString("deprecated and not served; the active version is 1.1.0"));
        assertThat(audit.about("change_request", String.valueOf(id))).extracting(e -> e.action())
                .contains("change_request.proposed", "change_request.approve", "change_request.approved",
                        "change_request.activated");
        assertThat(audit.about("feature_view", view)).extracting(e -> e.action()).contains("feature_view.activated");
        Sessions.as(TestAccounts.VIEWER).get("/change-requests/" + id).then().statusCode(200)
                .body(containsString("Feature view " + view)).body(containsString("side-by-side"))
                .body(containsString("amount_count"));
    }

    @Test
    void aRemovedFeatureWithASubscribedConsumerNeedsThatTeamsApproval() {
        apply(TestAccounts.EDITOR, yaml("1.1.0", COUNT)).then().statusCode(202);
        as(TestAccounts.CONSUMER).put("/api/feature-views/" + view + "/consumers/" + TestAccounts.CONSUMER_TEAM)
                .then().statusCode(204);
        as(TestAccounts.OUTSIDER).put("/api/feature-views/" + view + "/consumers/" + TestAccounts.CONSUMER_TEAM)
                .then().statusCode(403);
        String removed = yaml("2.0.0", "").replace("amount_sum", "amount_total").replace("sum\n", "max\n");
        apply(TestAccounts.EDITOR, removed.replace("2.0.0", "1.2.0")).then().statusCode(400)
                .body("error", containsString("a breaking change needs 2.0.0"));
        long id = apply(TestAccounts.EDITOR, removed).then().statusCode(202).body("impact", equalTo("breaking"))
                .body("approvals.requiredTeams", equalTo(java.util.List.of("test-team", "consumer-team")))
                .extract().jsonPath().getLong("id");

        review(TestAccounts.APPROVER, id, "approve").then().statusCode(201).body("state", equalTo("open"))
                .body("approvals.missing", equalTo(java.util.List.of("consumer-team")));
        as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/activate").then().statusCode(409);
        assertThat(status("1.0.0")).isEqualTo("active");

        review(TestAccounts.CONSUMER, id, "approve").then().statusCode(201).body("state", equalTo("approved"));
        as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/activate").then().statusCode(200);
        assertThat(status("2.0.0")).isEqualTo("active");
        assertThat(status("1.0.0")).isEqualTo("deprecated");
    }

    @Test
    void revisingResetsApprovalsAndWithdrawingRetiresTheProposal() {
        long id = apply(TestAccounts.EDITOR, yaml("1.1.0", COUNT)).then().statusCode(202)
                .extract().jsonPath().getLong("id");
        review(TestAccounts.APPROVER, id, "approve").then().statusCode(201).body("state", equalTo("approved"));
        String tighter = yaml("2.0.0", COUNT) + "sla:\n  freshness: 5m\n";
        as(TestAccounts.EDITOR).contentType("text/plain; charset=UTF-8").body(tighter)
                .put("/api/change-requests/" + id).then().statusCode(200).body("state", equalTo("open"))
                .body("revision", equalTo(2)).body("impact", equalTo("breaking"))
                .body("changes.reason", hasItem(containsString("freshness shortened")))
                .body("changes.find { it.path == 'sla.freshness' }.before", equalTo("1h"))
                .body("changes.find { it.path == 'sla.freshness' }.after", equalTo("5m"))
                .body("approvals.missing", equalTo(java.util.List.of("test-team")));
        assertThat(status("2.0.0")).isEqualTo("proposed");
        as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/withdraw").then().statusCode(200)
                .body("state", equalTo("withdrawn"));
        assertThat(status("2.0.0")).isEqualTo("withdrawn");
        assertThat(status("1.0.0")).isEqualTo("active");
    }

    @Test
    void aDraftVersionIsRevisedFreelyAndReviewedOnlyOnceSubmitted() {
        long id = as(TestAccounts.EDITOR).contentType("text/plain; charset=UTF-8").queryParam("draft", true)
                .body(yaml("1.1.0", COUNT)).put("/api/feature-views").then().statusCode(202)
                .body("state", equalTo("draft")).extract().jsonPath().getLong("id");
        assertThat(status("1.1.0")).isEqualTo("draft");
        review(TestAccounts.APPROVER, id, "approve").then().statusCode(409).body("error", containsString("is a draft"));
        as(TestAccounts.EDITOR).contentType("text/plain; charset=UTF-8").body(yaml("1.2.0", COUNT))
                .put("/api/change-requests/" + id).then().statusCode(200).body("state", equalTo("draft"));
        assertThat(status("1.2.0")).isEqualTo("draft");
        as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/submit").then().statusCode(200)
                .body("state", equalTo("open"));
        assertThat(status("1.2.0")).isEqualTo("proposed");
        review(TestAccounts.APPROVER, id, "approve").then().statusCode(201).body("state", equalTo("approved"));
        assertThat(status("1.2.0")).isEqualTo("approved");

        String other = yaml("1.0.0", "").replace("name: " + view, "name: " + view + "_first");
        as(TestAccounts.EDITOR).contentType("text/plain; charset=UTF-8").queryParam("draft", true).body(other)
                .put("/api/feature-views").then().statusCode(400).body("error", containsString("cannot be a draft"));
        assertThat(store.versions(view + "_first")).isEmpty();
    }

    private String status(String version) {
        return store.version(view, version).orElseThrow().status();
    }
}
