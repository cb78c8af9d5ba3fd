package dev.plumbline.demo;

import static dev.plumbline.monitor.rules.AlertFixtures.later;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.alert.OutboxSender;
import dev.plumbline.alert.WebhookMessage;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.monitor.rules.AlertEvaluator;
import dev.plumbline.monitor.rules.AlertFixtures;
import dev.plumbline.monitor.rules.AlertFixtures.TestDataset;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The demo's local receiver: the outbox delivers to it over HTTP as to any receiver, it takes notifications
 * without a sign-in, checks webhook signatures, and shows what it got to signed-in people.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class DemoReceiverTest {

    static final String TEAM = "demo-inbox-team";

    @TestHTTPResource("/")
    URL self;
    @Inject
    AlertEvaluator evaluator;
    @Inject
    OutboxSender sender;
    @Inject
    DatasetRegistry registry;
    @Inject
    DataSource dataSource;
    @Inject
    DemoInbox inbox;

    @Test
    void aDriftAlertReachesTheDemoReceiverAsAPagerDutyTriggerAndAValidlySignedWebhook() throws IOException {
        routeToSelf();
        TestDataset d = AlertFixtures.dataset(registry, TEAM);
        Instant t0 = later(Duration.ofSeconds(1));
        AlertFixtures.psi(dataSource, AlertFixtures.healthyRun(dataSource, d, t0), "amount", 0.43, 0.2);
        evaluator.evaluate(t0);
        evaluator.evaluate(t0.plusSeconds(10));
        sender.sendDue(t0.plusSeconds(10));

        List<ReceivedNotification> got = inbox.newest().stream()
                .filter(n -> n.body().contains(d.name())).toList();
        assertThat(got).extracting(ReceivedNotification::kind, ReceivedNotification::action,
                ReceivedNotification::signature).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("pagerduty", "trigger", ""),
                        org.assertj.core.groups.Tuple.tuple("webhook", "firing", "valid"));
        Sessions.as(TestAccounts.VIEWER).get("/demo/receiver").then().statusCode(200)
                .body(containsString(d.name() + ".amount: distribution drift, PSI 0.430 above 0.2"));
    }

    @Test
    void aForgedSignatureIsShownAsInvalidAndAnUnknownEndpointIsNotFound() {
        String body = "{\"status\":\"firing\",\"groupKey\":\"forged-group\",\"alerts\":[{\"summary\":\"forged\"}]}";
        given().header(WebhookMessage.TIMESTAMP_HEADER, "1767225600")
                .header(WebhookMessage.SIGNATURE_HEADER, WebhookMessage.signature("not-the-secret", 1767225600L, body))
                .body(body).post("/demo/receiver/webhook").then().statusCode(202);
        given().body("{}").post("/demo/receiver/email").then().statusCode(404);

        assertThat(inbox.newest()).filteredOn(n -> n.key().equals("forged-group")).singleElement()
                .satisfies(n -> assertThat(n.signature()).isEqualTo("invalid"));
    }

    @Test
    void thePageNeedsASignInButPostingDoesNot() {
        given().redirects().follow(false).get("/demo/receiver").then().statusCode(302);
        given().body("{\"event_action\":\"trigger\",\"dedup_key\":\"k-1\",\"payload\":{\"summary\":\"<b>hi</b>\"}}")
                .post("/demo/receiver/pagerduty").then().statusCode(202);
        Sessions.as(TestAccounts.VIEWER).get("/demo/receiver").then().statusCode(200)
                .body(containsString("&lt;b&gt;hi&lt;/b&gt;"));
    }

    // The delivery tests' routing file, with this application's own address for the demo receiver's route.
    private void routeToSelf() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/fixtures/alert/delivery-routes.yml"))
                .replace("RECEIVER", "127.0.0.1:9").replace("SELF", self.getHost() + ":" + self.getPort());
        Files.writeString(Path.of("target/test-classes/fixtures/alert/delivery-routes.yml"), text);
    }
}
