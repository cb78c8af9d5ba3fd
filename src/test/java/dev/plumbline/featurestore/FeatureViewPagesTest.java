package dev.plumbline.featurestore;

import static dev.plumbline.featurestore.FeatureViewApi.COUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.transform.FeatureViewStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feature view editor, live check and rollback form as a browser posts them: refusals store nothing. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class FeatureViewPagesTest {

    @Inject
    DatasetRegistry datasets;
    @Inject
    FeatureViewStore store;

    String dataset;
    String view;

    @BeforeEach
    void viewWithAnActiveVersion() {
        dataset = PipelineFixtures.freshDatasetName("fp");
        PipelineFixtures.registerOrders(datasets, dataset);
        view = "spend_" + dataset.substring(3);
        FeatureViewApi.apply(TestAccounts.EDITOR, yaml("1.0.0", "")).then().statusCode(201);
    }

    String yaml(String version, String moreFeatures) {
        return FeatureViewApi.spendView(view, dataset, version, moreFeatures);
    }

    @Test
    void theLiveCheckNamesProblemsByLineOrClassifiesTheChange() {
        check(yaml("1.1.0", "  - {name: amount_p, aggregation: median, field: amount, window: 1h}\n"))
                .body(containsString("id=\"check\""), containsString("line 9"), containsString("aggregation"),
                        not(containsString("<html")));
        check(yaml("1.0.1", COUNT)).body(containsString("additive"),
                containsString("needs version 1.1.0 or later; this is 1.0.1"), containsString("features[amount_count]"),
                containsString("an additive change needs 1.1.0 or later"));
        check(yaml("1.0.0", "").replace(view, view + "_new"))
                .body(containsString("version 1.0.0 becomes the first, active once applied"));
    }

    @Test
    void anEditorProposesANewVersionFromTheEditorAndLandsOnItsChangeRequest() {
        Sessions.as(TestAccounts.EDITOR).get("/features/" + view).then().statusCode(200)
                .body(containsString("href=\"/features/" + view + "/propose\""));
        Sessions.as(TestAccounts.VIEWER).get("/features/" + view).then().statusCode(200)
                .body(not(containsString("/propose\"")));
        Sessions.as(TestAccounts.EDITOR).get("/features/" + view + "/propose").then().statusCode(200)
                .body(containsString("hx-post=\"/features/check\""), containsString("amount_sum"));

        String location = form(TestAccounts.EDITOR).formParam("view", view).formParam("yaml", yaml("1.1.0", COUNT))
                .post("/features/apply").then().statusCode(303).extract().header("Location");
        assertThat(location).contains("/change-requests/");
        assertThat(store.version(view, "1.1.0").orElseThrow().status()).isEqualTo("proposed");
        Sessions.as(TestAccounts.VIEWER).get("/features/" + view).then()
                .body(containsString("<td>open</td>"), containsString("<span class=\"impact additive\">"));
    }

    @Test
    void aDraftSavedFromTheEditorWaitsForItsAuthorToSubmitIt() {
        String location = form(TestAccounts.EDITOR).formParam("view", view).formParam("yaml", yaml("1.1.0", COUNT))
                .formParam("draft", "true").post("/features/apply").then().statusCode(303).extract()
                .header("Location");
        assertThat(store.version(view, "1.1.0").orElseThrow().status()).isEqualTo("draft");
        String page = location.substring(location.indexOf("/change-requests/"));
        Sessions.as(TestAccounts.EDITOR).get(page).then().body(containsString("Submit for review"),
                containsString("A draft: its author is still writing it"));
        Sessions.as(TestAccounts.VIEWER).get(page).then().body(not(containsString("Submit for review")));
        Sessions.as(TestAccounts.APPROVER).get(page).then()
                .body(not(containsString("name=\"verdict\" value=\"approve\"")));
        form(TestAccounts.EDITOR).post(page + "/submit").then().statusCode(303);
        assertThat(store.version(view, "1.1.0").orElseThrow().status()).isEqualTo("proposed");
    }

    @Test
    void aNewViewWrittenInTheBrowserIsActiveOnceApplied() {
        String other = yaml("1.0.0", "").replace(view, view + "_b");
        form(TestAccounts.EDITOR).formParam("yaml", other).post("/features/apply").then().statusCode(303)
                .header("Location", containsString("/features/" + view + "_b"));
        assertThat(store.version(view + "_b", "1.0.0").orElseThrow().status()).isEqualTo("active");
    }

    @Test
    void refusedProposalsComeBackToTheEditorAndStoreNothing() {
        form(TestAccounts.EDITOR).formParam("view", view).formParam("yaml", yaml("1.0.1", COUNT))
                .post("/features/apply").then().statusCode(400)
                .body(containsString("an additive change needs 1.1.0 or later"), containsString("amount_count"));
        form(TestAccounts.EDITOR).formParam("view", view).formParam("yaml", yaml("1.1.0", COUNT) + "  - oops: [\n")
                .post("/features/apply").then().statusCode(400)
                .body(containsString("The feature view has problems"), containsString("line"));
        form(TestAccounts.VIEWER).formParam("view", view).formParam("yaml", yaml("1.1.0", COUNT))
                .post("/features/apply").then().statusCode(403)
                .body(containsString("only an editor of team test-team may apply feature view " + view));
        form(TestAccounts.EDITOR).formParam("view", view).formParam("yaml", yaml("1.0.0", COUNT))
                .post("/features/apply").then().statusCode(409).body(containsString("immutable"));
        Sessions.session(TestAccounts.EDITOR).withoutToken().contentType(ContentType.URLENC).redirects().follow(false)
                .formParam("view", view).formParam("yaml", yaml("1.1.0", COUNT)).post("/features/apply")
                .then().statusCode(403);
        Sessions.session(TestAccounts.EDITOR).withoutToken().header("X-CSRF-Token", "forged")
                .contentType(ContentType.URLENC).redirects().follow(false)
                .formParam("view", view).formParam("yaml", yaml("1.1.0", COUNT)).post("/features/apply")
                .then().statusCode(403);
        assertThat(store.versions(view)).extracting(v -> v.version()).containsExactly("1.0.0");
    }

    @Test
    void theRollbackFormOpensAChangeRequestForEditorsAndTellsOthersWhy() {
        long id = FeatureViewApi.apply(TestAccounts.EDITOR, yaml("1.1.0", COUNT)).then().statusCode(202)
                .extract().jsonPath().getLong("id");
        Sessions.as(TestAccounts.APPROVER).contentType(ContentType.JSON).body(Map.of("verdict", "approve"))
                .post("/api/change-requests/" + id + "/reviews").then().statusCode(201);
        Sessions.as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/activate").then().statusCode(200);
        Sessions.as(TestAccounts.EDITOR).get("/features/" + view).then()
                .body(containsString("action=\"/features/" + view + "/rollback\""), containsString(
                        "<option value=\"1.0.0\">"));
        Sessions.as(TestAccounts.VIEWER).get("/features/" + view).then().body(not(containsString("/rollback\"")));

        String refused = form(TestAccounts.VIEWER).formParam("version", "1.0.0")
                .post("/features/" + view + "/rollback").then().statusCode(303).extract().header("Location");
        assertThat(refused).contains("/features/" + view + "?error=");
        Sessions.as(TestAccounts.VIEWER).get("/api/feature-views/" + view).then().body("version", equalTo("1.1.0"));

        String location = form(TestAccounts.EDITOR).formParam("version", "1.0.0")
                .post("/features/" + view + "/rollback").then().statusCode(303).extract().header("Location");
        assertThat(location).contains("/change-requests/");
        Sessions.as(TestAccounts.VIEWER).get("/features/" + view).then().body(containsString("(rollback)"));
    }

    @Test
    void aTeamSubscribesItselfAsAConsumerFromTheViewsPage() {
        Sessions.as(TestAccounts.CONSUMER).get("/features/" + view).then()
                .body(containsString("Subscribe consumer-team"), not(containsString("Subscribe test-team")));
        Sessions.as(TestAccounts.VIEWER).get("/features/" + view).then().body(not(containsString("Subscribe ")));
        String refused = form(TestAccounts.OUTSIDER).formParam("team", TestAccounts.CONSUMER_TEAM)
                .formParam("subscribe", "true").post("/features/" + view + "/consumers").then().statusCode(303)
                .extract().header("Location");
        assertThat(refused).contains("error=");
        Sessions.as(TestAccounts.VIEWER).get("/features/" + view).then().body(containsString("No other team consumes"));

        form(TestAccounts.CONSUMER).formParam("team", TestAccounts.CONSUMER_TEAM).formParam("subscribe", "true")
                .post("/features/" + view + "/consumers").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/features/" + view));
        Sessions.as(TestAccounts.EDITOR).get("/features/" + view).then()
                .body(containsString("Consumed by consumer-team"), containsString("Unsubscribe consumer-team"));
        form(TestAccounts.EDITOR).formParam("team", TestAccounts.CONSUMER_TEAM).formParam("subscribe", "false")
                .post("/features/" + view + "/consumers").then().statusCode(303);
        Sessions.as(TestAccounts.VIEWER).get("/features/" + view).then().body(containsString("No other team consumes"));
    }

    @Test
    void aChangeRequestsEditorChecksARevisedFeatureViewAsItIsTyped() {
        long id = FeatureViewApi.apply(TestAccounts.EDITOR, yaml("1.1.0", COUNT)).then().statusCode(202)
                .extract().jsonPath().getLong("id");
        Sessions.as(TestAccounts.EDITOR).get("/change-requests/" + id + "/edit").then().statusCode(200)
                .body(containsString("hx-post=\"/change-requests/" + id + "/check\""));
        Sessions.as(TestAccounts.EDITOR).header("HX-Request", "true").contentType(ContentType.URLENC)
                .formParam("yaml", yaml("1.1.0", COUNT).replace("window: 1h}\n  - {name: amount_count", "window: 2h}\n  - {name: amount_count"))
                .post("/change-requests/" + id + "/check").then().statusCode(200)
                .body(containsString("breaking"), containsString("needs version 2.0.0 or later"));
    }

    @Test
    void scriptInADescriptionIsShownAsTextNeverRun() {
        String yaml = yaml("1.0.1", "").replace("Spend per currency.", "\"<script>alert('x')</script>\"");
        long id = FeatureViewApi.apply(TestAccounts.EDITOR, yaml).then().statusCode(202)
                .extract().jsonPath().getLong("id");
        Sessions.as(TestAccounts.VIEWER).get("/change-requests/" + id).then().statusCode(200)
                .body(containsString("&lt;script&gt;alert("), not(containsString("<script>alert(")));
        form(TestAccounts.EDITOR).formParam("view", view).formParam("yaml", yaml.replace("1.0.1", "1.0.2") + "  - [")
                .post("/features/apply").then().statusCode(400).body(not(containsString("<script>alert(")));
    }

    private io.restassured.response.ValidatableResponse check(String yaml) {
        return Sessions.as(TestAccounts.EDITOR).header("HX-Request", "true").contentType(ContentType.URLENC)
                .formParam("yaml", yaml).post("/features/check").then().statusCode(200);
    }

    private static RequestSpecification form(String user) {
        return Sessions.as(user).contentType(ContentType.URLENC).redirects().follow(false);
    }
}
