package dev.plumbline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.access.AuditLog;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.validate.ValidationRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proposing, reviewing, activating and rolling back contract versions over the API, as a CI pipeline would. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ChangeRequestWorkflowTest {

    static final String ORDERS = PipelineFixtures.resource("fixtures/pipeline/orders.odcs.yaml");
    /** The amount's maximum lowered from 100 to 50: a tightened constraint, so breaking. */
    static final String TIGHTER = ORDERS.replace("version: 1.0.0", "version: 2.0.0")
            .replace("maximum: 100", "maximum: 50");

    @Inject
    DatasetRegistry registry;
    @Inject
    AuditLog audit;

    String dataset;

    @BeforeEach
    void datasetWithAConsumer() {
        dataset = PipelineFixtures.freshDatasetName("cr");
        QuarkusTransaction.requiringNew().run(() -> {
            PipelineFixtures.registerOrders(registry, dataset);
            registry.subscribe(registry.get(dataset).orElseThrow().id, TestAccounts.CONSUMER_TEAM, "test");
        });
    }

    @Test
    void aBreakingChangeNeedsTheOwnersAndEveryConsumerThenTheNextBatchUsesIt() {
        long id = propose(TestAccounts.EDITOR, TIGHTER).statusCode(201)
                .body("impact", equalTo("breaking"), "state", equalTo("open"), "proposedVersion", equalTo("2.0.0"),
                        "approvals.requiredTeams", equalTo(List.of(TestAccounts.TEAM, TestAccounts.CONSUMER_TEAM)),
                        "changes.path", hasItem(containsString("maximum")))
                .extract().jsonPath().getLong("id");

        review(TestAccounts.EDITOR, id, "approve").statusCode(403).body(containsString("author"));
        review(TestAccounts.VIEWER, id, "approve").statusCode(403);
        review(TestAccounts.APPROVER, id, "approve").statusCode(201)
                .body("state", equalTo("open"), "approvals.missing", equalTo(List.of(TestAccounts.CONSUMER_TEAM)));
        activate(TestAccounts.EDITOR, id).statusCode(409).body("error", containsString("approvals"));
        review(TestAccounts.CONSUMER, id, "approve").statusCode(201).body("state", equalTo("approved"));
        activate(TestAccounts.EDITOR, id).statusCode(200).body("state", equalTo("active"));

        assertThat(registry.activeVersion(registry.get(dataset).orElseThrow().id)).contains("2.0.0");
        TestKafka.publish(dataset, List.of(PipelineFixtures.order("late-1", 75, "USD")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !runs().isEmpty());
        ValidationRun run = runs().get(0);
        assertThat(run.quarantinedCount).as("75 passes 1.0.0 but not 2.0.0").isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ContractVersion.<ContractVersion>findById(
                run.contractVersionId).version)).isEqualTo("2.0.0");
        assertThat(audit.newest(Long.MAX_VALUE, 200).stream().filter(e -> String.valueOf(id).equals(e.subjectId()))
                .map(e -> e.action())).contains("change_request.proposed", "change_request.approve",
                        "change_request.approved");
    }

    @Test
    void aDraftIsEditedFreelyAndReviewedOnlyOnceItsAuthorSubmitsIt() {
        long id = Sessions.as(TestAccounts.EDITOR).contentType("application/yaml")
                .body(TIGHTER.getBytes(StandardCharsets.UTF_8)).queryParam("draft", true)
                .post("/api/contracts/" + dataset + "/change-requests").then().statusCode(201)
                .body("state", equalTo("draft")).extract().jsonPath().getLong("id");
        assertThat(versionStatus("2.0.0")).isEqualTo(ContractStatus.DRAFT);
        review(TestAccounts.APPROVER, id, "approve").statusCode(409).body("error", containsString("is a draft"));
        review(TestAccounts.APPROVER, id, "comment").statusCode(201);
        Sessions.as(TestAccounts.EDITOR).contentType("application/yaml")
                .body(TIGHTER.replace("maximum: 50", "maximum: 60").getBytes(StandardCharsets.UTF_8))
                .put("/api/change-requests/" + id).then().statusCode(200)
                .body("state", equalTo("draft"), "revision", equalTo(2));
        assertThat(versionStatus("2.0.0")).isEqualTo(ContractStatus.DRAFT);
        activate(TestAccounts.EDITOR, id).statusCode(409);

        Sessions.as(TestAccounts.VIEWER).post("/api/change-requests/" + id + "/submit").then().statusCode(403);
        Sessions.as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/submit").then().statusCode(200)
                .body("state", equalTo("open"));
        assertThat(versionStatus("2.0.0")).isEqualTo(ContractStatus.PROPOSED);
        Sessions.as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/submit").then().statusCode(409);
        review(TestAccounts.APPROVER, id, "approve").statusCode(201);
        review(TestAccounts.CONSUMER, id, "approve").statusCode(201).body("state", equalTo("approved"));
        assertThat(audit.about("change_request", String.valueOf(id))).extracting(e -> e.action())
                .contains("change_request.proposed", "change_request.revised", "change_request.submitted",
                        "change_request.approved");
    }

    @Test
    void aVersionNumberThatUnderstatesTheChangeIsRefused() {
        propose(TestAccounts.EDITOR, TIGHTER.replace("version: 2.0.0", "version: 1.1.0")).statusCode(400)
                .body("error", containsString("needs 2.0.0"));
    }

    @Test
    void editingAProposalResetsItsApprovals() {
        String additive = ORDERS.replace("version: 1.0.0", "version: 1.1.0")
                .replace("      - name: note\n", "      - name: channel\n        logicalType: string\n      - name: note\n");
        long id = propose(TestAccounts.EDITOR, additive).statusCode(201).body("impact", equalTo("additive"),
                "approvals.requiredTeams", equalTo(List.of(TestAccounts.TEAM))).extract().jsonPath().getLong("id");
        review(TestAccounts.APPROVER, id, "approve").statusCode(201).body("state", equalTo("approved"));

        Sessions.as(TestAccounts.EDITOR).contentType("application/yaml")
                .body(additive.replace("\nname: orders\n", "\nname: orders\ndescription: { purpose: Orders. }\n")
                        .getBytes(StandardCharsets.UTF_8))
                .put("/api/change-requests/" + id).then().statusCode(200)
                .body("state", equalTo("open"), "revision", equalTo(2), "approvals.missing",
                        equalTo(List.of(TestAccounts.TEAM)));
    }

    @Test
    void changesRequestedBlockApprovalUntilTheReviewerApproves() {
        String doc = ORDERS.replace("version: 1.0.0", "version: 1.0.1")
                .replace("\nname: orders\n", "\nname: orders\ndescription: { purpose: One record per order. }\n");
        long id = propose(TestAccounts.EDITOR, doc).statusCode(201).body("impact", equalTo("documentation"))
                .extract().jsonPath().getLong("id");
        review(TestAccounts.APPROVER, id, "request_changes").statusCode(201).body("state", equalTo("open"),
                "approvals.changesRequestedBy", equalTo(List.of(TestAccounts.APPROVER)));
        Sessions.as(TestAccounts.VIEWER).contentType(ContentType.JSON)
                .body(Map.of("verdict", "comment", "body", "Why the extra sentence?", "line", 6))
                .post("/api/change-requests/" + id + "/reviews").then().statusCode(201)
                .body("reviews.body", hasItem("Why the extra sentence?"), "reviews.line", hasItem(6));
        review(TestAccounts.APPROVER, id, "approve").statusCode(201).body("state", equalTo("approved"));
    }

    @Test
    void aRollbackIsItselfAReviewedChange() {
        long change = propose(TestAccounts.EDITOR, TIGHTER).statusCode(201).extract().jsonPath().getLong("id");
        review(TestAccounts.APPROVER, change, "approve");
        review(TestAccounts.CONSUMER, change, "approve");
        activate(TestAccounts.EDITOR, change).statusCode(200);

        long rollback = Sessions.as(TestAccounts.EDITOR).queryParam("to", "1.0.0")
                .post("/api/contracts/" + dataset + "/rollbacks").then().statusCode(201)
                .body("kind", equalTo("rollback"), "proposedVersion", equalTo("1.0.0"), "baseVersion", equalTo("2.0.0"))
                .extract().jsonPath().getLong("id");
        activate(TestAccounts.EDITOR, rollback).statusCode(409);
        review(TestAccounts.APPROVER, rollback, "approve").statusCode(201).body("state", equalTo("approved"));
        activate(TestAccounts.EDITOR, rollback).statusCode(200);
        assertThat(registry.activeVersion(registry.get(dataset).orElseThrow().id)).contains("1.0.0");
    }

    @Test
    void aTenMegabyteDocumentIsRefusedClearlyAndNothingIsStored() {
        String tenMegabytes = ORDERS.replace("version: 1.0.0", "version: 1.1.0")
                + "#".repeat(10_000_000 - ORDERS.length());
        propose(TestAccounts.EDITOR, tenMegabytes).statusCode(400)
                .body("problems[0].line", equalTo(1), "problems[0].message", containsString("at most 1000000"));
        Sessions.as(TestAccounts.EDITOR).contentType("text/plain").accept(ContentType.JSON).body(tenMegabytes)
                .put("/api/feature-views").then().statusCode(400)
                .body("problems[0].message", containsString("at most 1000000"));
        Sessions.as(TestAccounts.EDITOR).get("/api/contracts/" + dataset + "/change-requests").then()
                .body("size()", equalTo(0));
    }

    @Test
    void badDocumentsAreRefusedWithTheirLineAndNothingIsStored() {
        propose(TestAccounts.EDITOR, "apiVersion: v3.1.0\nkind: DataContract\n  id: misplaced\n").statusCode(400)
                .body("problems[0].line", equalTo(3), "problems[0].message", containsString("YAML syntax error"));
        propose(TestAccounts.EDITOR, ORDERS.replace("version: 1.0.0", "version: 2.0.0\nversion: 3.0.0"))
                .statusCode(400).body("problems[0].message", containsString("duplicate key"));
        propose(TestAccounts.EDITOR, ORDERS.replace("version: 1.0.0", "version: 1.1.0") + "#".repeat(1_100_000))
                .statusCode(400).body("problems[0].message", containsString("at most"));
        propose(TestAccounts.OUTSIDER, TIGHTER).statusCode(403);
        Sessions.session(TestAccounts.EDITOR).withoutToken().contentType("application/yaml")
                .body(TIGHTER.getBytes(StandardCharsets.UTF_8)).post("/api/contracts/" + dataset + "/change-requests")
                .then().statusCode(403);
        Sessions.as(TestAccounts.EDITOR).get("/api/contracts/" + dataset + "/change-requests").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/contracts/{name}/change-requests"),
                        containsString("/api/change-requests/{id}/reviews"), containsString("Plumbline API"));
    }

    @Test
    void aCiPipelineProposesWithAnApiTokenAndExportsTheVersionUnchanged() {
        String token = Sessions.as(TestAccounts.EDITOR).contentType(ContentType.JSON).body(Map.of("name", "ci"))
                .post("/api/tokens").path("token");
        String withComment = TIGHTER + "# kept as written, comments included\n";
        long id = io.restassured.RestAssured.given().header("Authorization", "Bearer " + token)
                .contentType("application/yaml").body(withComment.getBytes(StandardCharsets.UTF_8))
                .post("/api/contracts/" + dataset + "/change-requests").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertThat(Sessions.as(TestAccounts.VIEWER).get("/api/contracts/" + dataset + "/versions/2.0.0").asString())
                .isEqualTo(withComment);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).get("/api/change-requests/" + id)
                .then().statusCode(200).body("state", equalTo("open"), "author", equalTo(TestAccounts.EDITOR));
    }

    private ValidatableResponse propose(String user, String yaml) {
        return Sessions.as(user).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/contracts/" + dataset + "/change-requests").then();
    }

    private ValidatableResponse review(String user, long id, String verdict) {
        return Sessions.as(user).contentType(ContentType.JSON).body(Map.of("verdict", verdict))
                .post("/api/change-requests/" + id + "/reviews").then();
    }

    private ValidatableResponse activate(String user, long id) {
        return Sessions.as(user).post("/api/change-requests/" + id + "/activate").then();
    }

    private ContractStatus versionStatus(String version) {
        return QuarkusTransaction.requiringNew().call(() -> ContractVersion.<ContractVersion>find(
                "datasetId = ?1 and version = ?2", registry.get(dataset).orElseThrow().id, version).firstResult()
                .status);
    }

    private List<ValidationRun> runs() {
        return QuarkusTransaction.requiringNew().call(() -> ValidationRun.list("datasetId = ?1 order by id desc",
                registry.get(dataset).orElseThrow().id));
    }
}
