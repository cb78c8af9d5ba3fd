package dev.plumbline.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Sign-ins, sign-outs, tokens, dataset registrations and first contracts leave entries an admin can read. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class AuditTest {

    @Inject
    AuditLog log;

    @Test
    void signInsAndSignOutsAreRecordedWithTheirAddress() {
        Sessions.postLogin(TestAccounts.VIEWER, "not-the-password");
        Sessions.Session session = Sessions.signIn(TestAccounts.VIEWER, TestAccounts.PASSWORD);
        session.request().redirects().follow(false).post("/logout").then().statusCode(303);
        List<AuditEntry> mine = recent(TestAccounts.VIEWER);
        assertThat(mine).extracting(AuditEntry::action).containsSubsequence("logout", "login.succeeded", "login.failed");
        assertThat(mine.get(0).actor()).isEqualTo(TestAccounts.VIEWER);
        assertThat(mine).filteredOn(e -> e.action().equals("login.failed")).first()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("anonymous"))
                .satisfies(e -> assertThat(e.details()).contains("wrong user name or password"))
                .satisfies(e -> assertThat(e.remoteAddress()).isEqualTo("127.0.0.1"));
        assertThat(mine).allSatisfy(e -> assertThat(e.details()).doesNotContain(TestAccounts.PASSWORD));
    }

    @Test
    void datasetRegistrationFirstContractAndTokensAreRecordedWithTheirActor() {
        String name = PipelineFixtures.freshDatasetName("audited");
        Sessions.as(TestAccounts.EDITOR).contentType("application/json")
                .body("{\"topic\":\"" + name + "\",\"owningTeam\":\"test-team\"}").put("/api/datasets/" + name)
                .then().statusCode(200);
        Sessions.as(TestAccounts.EDITOR).contentType("application/yaml")
                .body(PipelineFixtures.resource("fixtures/pipeline/orders.odcs.yaml").getBytes(StandardCharsets.UTF_8))
                .put("/api/datasets/" + name + "/contract").then().statusCode(201);
        int id = Sessions.as(TestAccounts.EDITOR).contentType("application/json").body("{\"name\":\"audited\"}")
                .post("/api/tokens").path("id");
        Sessions.as(TestAccounts.EDITOR).delete("/api/tokens/" + id).then().statusCode(204);

        assertThat(recent(name)).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
                Tuple.tuple("contract.activated", TestAccounts.EDITOR),
                Tuple.tuple("dataset.registered", TestAccounts.EDITOR));
        assertThat(recent(String.valueOf(id))).extracting(AuditEntry::action)
                .containsExactly("token.revoked", "token.created");
    }

    @Test
    void onlyAdministratorsReadTheAuditPage() {
        Sessions.as(TestAccounts.ADMIN).get("/admin/audit").then().statusCode(200)
                .body(containsString("<h1>Audit log</h1>"), containsString("login.succeeded"));
        Sessions.as(TestAccounts.EDITOR).get("/admin/audit").then().statusCode(403);
        given().redirects().follow(false).get("/admin/audit").then().statusCode(302)
                .header("Location", endsWith("/login"));
    }

    private List<AuditEntry> recent(String subjectId) {
        return log.newest(Long.MAX_VALUE, 500).stream().filter(e -> subjectId.equals(e.subjectId())).toList();
    }
}
