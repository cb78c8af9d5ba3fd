package dev.plumbline.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Scripts authenticate with API tokens: shown once, stored hashed, usable without CSRF, revocable. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class TokenTest {

    @Inject
    DataSource dataSource;

    @Test
    void aTokenActsAsItsOwnerWithoutASessionOrCsrfTokenUntilRevoked() {
        Response created = Sessions.as(TestAccounts.EDITOR).contentType("application/json")
                .body("{\"name\":\"ci pipeline\"}").post("/api/tokens");
        created.then().statusCode(201).body("token", startsWith("plb_")).body("name", equalTo("ci pipeline"));
        String token = created.path("token");
        int id = created.path("id");

        String name = PipelineFixtures.freshDatasetName("token");
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"topic\":\"" + name + "\",\"owningTeam\":\"test-team\"}")
                .put("/api/datasets/" + name).then().statusCode(200);
        Sessions.as(TestAccounts.EDITOR).get("/api/tokens").then().statusCode(200)
                .body("find { it.id == " + id + " }.lastUsedAt", notNullValue())
                .body("token", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));

        Sessions.as(TestAccounts.EDITOR).delete("/api/tokens/" + id).then().statusCode(204);
        given().auth().oauth2(token).get("/api/datasets").then().statusCode(401)
                .body("error", containsString("Bearer"));
    }

    @Test
    void onlyTheTokensHashIsStored() throws SQLException {
        String token = Sessions.as(TestAccounts.VIEWER).contentType("application/json")
                .body("{\"name\":\"notebook\"}").post("/api/tokens").path("token");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT token_sha256 FROM api_token WHERE name = 'notebook'");
                ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(ApiTokens.sha256(token)).doesNotContain(token.substring(4));
        }
    }

    @Test
    void aViewersTokenReadsButCannotRegister() {
        String token = Sessions.as(TestAccounts.VIEWER).contentType("application/json")
                .body("{\"name\":\"reader\"}").post("/api/tokens").path("token");
        given().auth().oauth2(token).get("/api/datasets").then().statusCode(200);
        given().auth().oauth2(token).contentType("application/json").body("{\"topic\":\"x\",\"owningTeam\":\"y\"}")
                .put("/api/datasets/" + PipelineFixtures.freshDatasetName("nope")).then().statusCode(403);
    }

    @Test
    void theTokensPageCreatesATokenFromAFormWithItsCsrfField() {
        Sessions.Session viewer = Sessions.session(TestAccounts.VIEWER);
        viewer.withoutToken().formParam("name", "forged").post("/tokens").then().statusCode(403);
        viewer.withoutToken().formParam("name", "from the page").formParam(CsrfTokens.FIELD, viewer.csrfToken())
                .post("/tokens").then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("id=\"new-token\">plb_"));
        viewer.request().get("/tokens").then().statusCode(200)
                .body(containsString("from the page"), not(containsString("forged")));
    }

    @Test
    void anUnknownTokenGets401Json() {
        given().auth().oauth2("plb_not-a-real-token").get("/api/datasets").then().statusCode(401)
                .contentType("application/json");
    }

    @Test
    void nobodyRevokesSomeoneElsesToken() {
        int id = Sessions.as(TestAccounts.VIEWER).contentType("application/json").body("{\"name\":\"mine\"}")
                .post("/api/tokens").path("id");
        Sessions.as(TestAccounts.EDITOR).delete("/api/tokens/" + id).then().statusCode(404);
        Sessions.as(TestAccounts.VIEWER).get("/api/tokens").then().body("id", hasItem(id));
    }
}
