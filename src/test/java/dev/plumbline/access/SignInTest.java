package dev.plumbline.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.plumbline.EmbeddedStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Signing in and out through the form, and what the server refuses to whom. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class SignInTest {

    @Test
    void aCorrectPasswordSignsInAndLandsOnTheDashboard() {
        Response response = Sessions.postLogin(TestAccounts.EDITOR, TestAccounts.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/");
        String setCookie = response.header("Set-Cookie");
        assertThat(setCookie).contains(Sessions.COOKIE + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        given().cookie(Sessions.COOKIE, response.getCookie(Sessions.COOKIE)).get("/").then().statusCode(200)
                .body(containsString("Signed in as <strong>Test Editor</strong>"), containsString("Sign out"));
    }

    @Test
    void userNamesAreNotCaseSensitive() {
        assertThat(Sessions.postLogin(" Test-Viewer ", TestAccounts.PASSWORD).getCookie(Sessions.COOKIE)).isNotNull();
    }

    @Test
    void aWrongPasswordOrUnknownUserGoesBackToTheFormWithAMessage() {
        for (String[] attempt : new String[][] {{TestAccounts.VIEWER, "wrong"}, {"nobody-at-all", "whatever"}}) {
            Response response = Sessions.postLogin(attempt[0], attempt[1]);
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.header("Location")).endsWith("/login?error=true");
            assertThat(response.getCookie(Sessions.COOKIE)).isNull();
        }
        given().get("/login?error=true").then().statusCode(200)
                .body(containsString("Wrong user name or password."));
    }

    @Test
    void anAnonymousPageRequestIsRedirectedToTheLoginForm() {
        given().redirects().follow(false).get("/quarantine").then().statusCode(302)
                .header("Location", endsWith("/login"));
        given().get("/login").then().statusCode(200).body(containsString("name=\"j_username\""));
    }

    @Test
    void anAnonymousHtmxRequestIsToldToSignIn() {
        given().header("HX-Request", "true").get("/").then().statusCode(401).header("HX-Redirect", "/login");
    }

    @Test
    void anAnonymousApiCallGets401Json() {
        given().get("/api/datasets").then().statusCode(401).contentType("application/json")
                .header("WWW-Authenticate", "Bearer").body("error", containsString("sign in"));
    }

    @Test
    void aViewerCannotRegisterADatasetButMayReadThem() {
        Sessions.as(TestAccounts.VIEWER).contentType("application/json")
                .body("{\"topic\":\"viewer-topic\",\"owningTeam\":\"test-team\"}")
                .put("/api/datasets/viewer-dataset").then().statusCode(403);
        Sessions.as(TestAccounts.VIEWER).get("/api/datasets").then().statusCode(200);
        Sessions.as(TestAccounts.VIEWER).get("/api/datasets/viewer-dataset").then().statusCode(404);
    }

    @Test
    void opsEndpointsAndAssetsStayOpen() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/css/plumbline.css").then().statusCode(200);
    }

    @Test
    void signingOutExpiresTheSessionCookie() {
        Sessions.Session session = Sessions.signIn(TestAccounts.VIEWER, TestAccounts.PASSWORD);
        Response response = session.request().redirects().follow(false).post("/logout");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/login");
        assertThat(response.headers().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(Sessions.COOKIE + "=;").containsIgnoringCase("Max-Age=0"));
    }
}
