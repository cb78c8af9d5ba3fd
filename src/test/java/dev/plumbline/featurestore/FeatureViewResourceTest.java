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
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Applying, reading and deleting feature views over the API, with the owning team's access rules. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class FeatureViewResourceTest {

    @Inject
    DatasetRegistry datasets;
    @Inject
    AuditLog audit;

    String dataset;
    String view;

    @BeforeEach
    void ordersDataset() {
        dataset = PipelineFixtures.freshDatasetName("fv");
        PipelineFixtures.registerOrders(datasets, dataset);
        view = "spend_" + dataset.substring(3);
    }

    String yaml(String version, String window) {
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
                    window: %s
                """.formatted(view, dataset, version, window);
    }

    Response apply(String user, String yaml) {
        return FeatureViewApi.apply(user, yaml);
    }

    @Test
    void anEditorOfTheOwningTeamAppliesVersionsThatStayImmutable() {
        apply(TestAccounts.EDITOR, yaml("1.0.0", "1h")).then().statusCode(201)
                .body("version", equalTo("1.0.0")).body("eventTimeField", equalTo("event_time"));
        apply(TestAccounts.EDITOR, yaml("1.0.0", "1h")).then().statusCode(200);
        apply(TestAccounts.EDITOR, yaml("1.0.0", "2h")).then().statusCode(409)
                .body("error", containsString("immutable"));
        apply(TestAccounts.EDITOR, yaml("0.9.0", "2h")).then().statusCode(409)
                .body("error", containsString("must be newer than 1.0.0"));
        apply(TestAccounts.EDITOR, yaml("2.0.0", "2h")).then().statusCode(202).body("state", equalTo("open"));

        Sessions.as(TestAccounts.VIEWER).get("/api/feature-views/" + view).then().statusCode(200)
                .body("version", equalTo("1.0.0")).body("features[0].window", equalTo("1h"))
                .body("versions", hasItem("2.0.0"));
        Sessions.as(TestAccounts.VIEWER).get("/api/feature-views/" + view + "?version=2.0.0").then()
                .body("features[0].window", equalTo("2h")).body("status", equalTo("proposed"));
        Sessions.as(TestAccounts.VIEWER).get("/api/feature-views").then().body("name", hasItem(view));
        assertThat(audit.about("feature_view", view)).extracting(e -> e.action())
                .contains("feature_view.applied");
        Sessions.as(TestAccounts.VIEWER).get("/features").then().statusCode(200)
                .body(containsString("/features/" + view)).body(containsString("no data"));
        Sessions.as(TestAccounts.VIEWER).queryParam("entity", "k<b>").get("/features/" + view).then().statusCode(200)
                .body(containsString("amount_sum")).body(containsString("Nothing is known about k&lt;b&gt; yet"));
    }

    @Test
    void viewersAndOtherTeamsMayNotApplyOrDelete() {
        apply(TestAccounts.VIEWER, yaml("1.0.0", "1h")).then().statusCode(403)
                .body("error", containsString("editor of team test-team"));
        apply(TestAccounts.OUTSIDER, yaml("1.0.0", "1h")).then().statusCode(403);
        apply(TestAccounts.ADMIN, yaml("1.0.0", "1h")).then().statusCode(201);
        Sessions.as(TestAccounts.OUTSIDER).accept("application/json").delete("/api/feature-views/" + view).then()
                .statusCode(403);
        Sessions.as(TestAccounts.EDITOR).delete("/api/feature-views/" + view).then().statusCode(204);
        Sessions.as(TestAccounts.EDITOR).get("/api/feature-views/" + view).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(view));
    }

    @Test
    void anInvalidViewIsRefusedWithEveryProblemByLineAndPath() {
        String bad = yaml("1.0.0", "a week").replace("aggregation: sum", "aggregation: median")
                .replace("field: amount", "field: price");
        apply(TestAccounts.EDITOR, bad).then().statusCode(400)
                .body("problems.path", equalTo(java.util.List.of("features[0].aggregation", "features[0].field",
                        "features[0].window")))
                .body("problems[0].line", equalTo(8))
                .body("problems[1].message", containsString("\"price\" is not declared by contract 1.0.0"));
        apply(TestAccounts.EDITOR, yaml("1.0.0", "1h").replace(dataset, "nowhere")).then().statusCode(400)
                .body("problems[0].message", containsString("no registered dataset \"nowhere\""));
    }
}
