package dev.plumbline.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Five wrong passwords for a user name refuse even the right one for a while, with a message saying so. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class LoginLockoutTest {

    @Inject
    Accounts accounts;

    @Test
    void fiveFailuresLockTheUserNameAndTheFormSaysWhy() {
        String username = PipelineFixtures.freshDatasetName("locked");
        accounts.create(username, "Locked Out", TestAccounts.PASSWORD.toCharArray(), false);
        for (int i = 0; i < 5; i++) {
            assertThat(Sessions.postLogin(username, "wrong-" + i).header("Location")).endsWith("/login?error=true");
        }
        Response refused = Sessions.postLogin(username, TestAccounts.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.header("Location")).isEqualTo("/login?error=locked");
        assertThat(refused.getCookie(Sessions.COOKIE)).isNull();
        given().get(refused.header("Location")).then().statusCode(429)
                .body(containsString("Too many failed sign-ins"));
        assertThat(Sessions.signIn(TestAccounts.EDITOR, TestAccounts.PASSWORD).cookie())
                .as("other user names from the same address still sign in").isNotBlank();
    }
}
