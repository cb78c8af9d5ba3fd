package dev.plumbline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract pages' forms and fragments, as a browser posts them: refusals are clear and store nothing. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ContractPagesTest {

    static final String ORDERS = PipelineFixtures.resource("fixtures/pipeline/orders.odcs.yaml");

    @Inject
    DatasetRegistry registry;

    String dataset;

    @BeforeEach
    void dataset() {
        dataset = PipelineFixtures.freshDatasetName("pages");
        QuarkusTransaction.requiringNew().run(() -> PipelineFixtures.registerOrders(registry, dataset));
    }

    @Test
    void theEditorsLiveCheckNamesProblemsByLineOrClassifiesTheChange() {
        Sessions.as(TestAccounts.EDITOR).header("HX-Request", "true").contentType(ContentType.URLENC)
                .formParam("yaml", ORDERS.replace("kind: DataContract", "kind: Contract"))
                .post("/contracts/" + dataset + "/check").then().statusCode(200)
                .body(containsString("id=\"check\""), containsString("line 2"), containsString("kind"),
                        not(containsString("<html")));
        Sessions.as(TestAccounts.EDITOR).contentType(ContentType.URLENC)
                .formParam("yaml", ORDERS.replace("version: 1.0.0", "version: 2.0.0").replace("maximum: 100", "maximum: 50"))
                .post("/contracts/" + dataset + "/check").then().statusCode(200)
                .body(containsString("breaking"), containsString("needs version 2.0.0 or later"));
    }

    @Test
    void scriptInADescriptionIsShownAsTextNeverRun() {
        String yaml = ORDERS.replace("version: 1.0.0", "version: 1.0.1")
                .replace("\nname: orders\n", "\nname: orders\ndescription: { purpose: \"<script>alert('x')</script>\" }\n");
        long id = Sessions.as(TestAccounts.EDITOR).contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8)).post("/api/contracts/" + dataset + "/change-requests")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Sessions.as(TestAccounts.VIEWER).get("/change-requests/" + id).then().statusCode(200)
                .body(containsString("&lt;script&gt;alert("), not(containsString("<script>alert(")));
    }

    @Test
    void aViewerPostingTheApproveFormIsToldWhyAndNothingIsStored() {
        String yaml = ORDERS.replace("version: 1.0.0", "version: 1.0.1")
                .replace("\nname: orders\n", "\nname: orders\ndescription: { purpose: Orders. }\n");
        long id = Sessions.as(TestAccounts.EDITOR).contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8)).post("/api/contracts/" + dataset + "/change-requests")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String location = Sessions.as(TestAccounts.VIEWER).contentType(ContentType.URLENC)
                .formParam("verdict", "approve").redirects().follow(false)
                .post("/change-requests/" + id + "/reviews").then().statusCode(303).extract().header("Location");
        assertThat(location).contains("error=").contains("approver");
        Sessions.as(TestAccounts.VIEWER).get("/api/change-requests/" + id).then().statusCode(200)
                .body("reviews.size()", org.hamcrest.Matchers.equalTo(0), "state",
                        org.hamcrest.Matchers.equalTo("open"));
        Sessions.session(TestAccounts.APPROVER).withoutToken().contentType(ContentType.URLENC)
                .formParam("verdict", "approve").redirects().follow(false)
                .post("/change-requests/" + id + "/reviews").then().statusCode(403);
    }

    @Test
    void aTeamSubscribesItselfAsAConsumerFromTheDatasetsPage() {
        Sessions.as(TestAccounts.CONSUMER).get("/contracts/" + dataset).then()
                .body(containsString("Subscribe consumer-team"));
        Sessions.as(TestAccounts.OUTSIDER).contentType(ContentType.URLENC).redirects().follow(false)
                .formParam("team", TestAccounts.CONSUMER_TEAM).formParam("subscribe", "true")
                .post("/contracts/" + dataset + "/consumers").then().statusCode(303)
                .header("Location", containsString("error="));
        assertThat(registry.consumers(registry.get(dataset).orElseThrow().id)).isEmpty();
        Sessions.as(TestAccounts.CONSUMER).contentType(ContentType.URLENC).redirects().follow(false)
                .formParam("team", TestAccounts.CONSUMER_TEAM).formParam("subscribe", "true")
                .post("/contracts/" + dataset + "/consumers").then().statusCode(303);
        assertThat(registry.consumers(registry.get(dataset).orElseThrow().id))
                .containsExactly(TestAccounts.CONSUMER_TEAM);
        Sessions.as(TestAccounts.CONSUMER).get("/contracts/" + dataset).then()
                .body(containsString("Unsubscribe consumer-team"));
    }

    @Test
    void aProposalWithProblemsComesBackToTheEditorWithThem() {
        Sessions.as(TestAccounts.EDITOR).contentType(ContentType.URLENC).formParam("title", "Broken")
                .formParam("yaml", ORDERS.replace("version: 1.0.0", "version: 1.1.0") + "  - oops: [\n")
                .post("/contracts/" + dataset + "/propose").then().statusCode(400)
                .body(containsString("The contract has problems"), containsString("YAML syntax error"),
                        containsString("Broken"));
        Sessions.as(TestAccounts.EDITOR).get("/api/contracts/" + dataset + "/change-requests").then()
                .body("size()", org.hamcrest.Matchers.equalTo(0));
    }
}
