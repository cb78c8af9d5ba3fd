package dev.plumbline.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** A state-changing request from a browser session needs the session's CSRF token; the login form too. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class CsrfTest {

    @Test
    void aWriteWithoutTheTokenIsRefused() {
        Sessions.session(TestAccounts.EDITOR).withoutToken().contentType("application/json").body(spec())
                .put("/api/datasets/" + PipelineFixtures.freshDatasetName("csrf")).then().statusCode(403)
                .body("error", containsString("CSRF"));
    }

    @Test
    void aForgedOrForeignTokenIsRefused() {
        Sessions.Session editor = Sessions.session(TestAccounts.EDITOR);
        Sessions.Session viewer = Sessions.session(TestAccounts.VIEWER);
        String name = PipelineFixtures.freshDatasetName("csrf");
        editor.withoutToken().header(CsrfTokens.HEADER, "forged").contentType("application/json").body(spec())
                .put("/api/datasets/" + name).then().statusCode(403);
        editor.withoutToken().header(CsrfTokens.HEADER, viewer.csrfToken()).contentType("application/json")
                .body(spec()).put("/api/datasets/" + name).then().statusCode(403);
        editor.request().contentType("application/json").body(spec()).put("/api/datasets/" + name).then()
                .statusCode(200);
    }

    @Test
    void onlyAnApiTokenExemptsAWriteFromTheCsrfCheck() {
        Sessions.Session editor = Sessions.session(TestAccounts.EDITOR);
        editor.withoutToken().header("Authorization", "Basic Zm9vOmJhcg==").contentType("application/json")
                .body(spec()).put("/api/datasets/" + PipelineFixtures.freshDatasetName("csrf")).then().statusCode(403);
        String token = editor.request().contentType("application/json").body("{\"name\":\"csrf-exempt\"}")
                .post("/api/tokens").path("token");
        editor.withoutToken().auth().oauth2(token).contentType("application/json").body(spec())
                .put("/api/datasets/" + PipelineFixtures.freshDatasetName("csrf")).then().statusCode(200);
    }

    @Test
    void aFormPostCarriesTheTokenAsAField() {
        Sessions.Session session = Sessions.signIn(TestAccounts.VIEWER, TestAccounts.PASSWORD);
        session.withoutToken().redirects().follow(false).post("/logout").then().statusCode(403);
        session.withoutToken().redirects().follow(false).formParam(CsrfTokens.FIELD, session.csrfToken())
                .post("/logout").then().statusCode(303);
    }

    @Test
    void theLoginFormNeedsItsTokenSoAnotherSiteCannotSignYouIn() {
        Sessions.LoginForm form = Sessions.LoginForm.open();
        Response noToken = given().redirects().follow(false).cookie(CsrfTokens.COOKIE, form.csrfCookie())
                .formParam("j_username", TestAccounts.VIEWER).formParam("j_password", TestAccounts.PASSWORD)
                .post("/j_security_check");
        assertThat(noToken.header("Location")).endsWith("/login?error=true");
        assertThat(noToken.getCookie(Sessions.COOKIE)).isNull();
        Response otherBrowser = new Sessions.LoginForm(CsrfTokens.newCookieValue(), form.csrfToken())
                .post(TestAccounts.VIEWER, TestAccounts.PASSWORD);
        assertThat(otherBrowser.getCookie(Sessions.COOKIE)).isNull();
        assertThat(form.post(TestAccounts.VIEWER, TestAccounts.PASSWORD).getCookie(Sessions.COOKIE)).isNotNull();
    }

    @Test
    void pagesSendTheTokenWithEveryHtmxRequest() {
        Sessions.Session session = Sessions.session(TestAccounts.VIEWER);
        session.request().get("/").then().statusCode(200)
                .body(containsString("hx-headers='{\"X-CSRF-Token\": \"" + session.csrfToken() + "\"}'"));
    }

    private static String spec() {
        return "{\"topic\":\"" + PipelineFixtures.freshDatasetName("csrf-topic") + "\",\"owningTeam\":\"test-team\"}";
    }
}
