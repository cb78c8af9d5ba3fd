package dev.plumbline.alert;

import static dev.plumbline.monitor.rules.AlertFixtures.later;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.alert.TestReceiver.Answer;
import dev.plumbline.alert.TestReceiver.Received;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.monitor.rules.AlertEvaluator;
import dev.plumbline.monitor.rules.AlertFixtures;
import dev.plumbline.monitor.rules.AlertFixtures.TestDataset;
import dev.plumbline.monitor.rules.AlertStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * From alert to HTTP request: the rules fire, the tree routes, the outbox delivers to a real HTTP receiver
 * started here, and the exact PagerDuty, Slack and webhook payloads arrive, each once.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class AlertDeliveryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static TestReceiver receiver;

    @Inject
    AlertEvaluator evaluator;
    @Inject
    OutboxSender sender;
    @Inject
    Outbox outbox;
    @Inject
    AlertStore alerts;
    @Inject
    SilenceStore silences;
    @Inject
    DatasetRegistry registry;
    @Inject
    DataSource dataSource;
    @Inject
    AlertRetention retention;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = TestReceiver.forDeliveryRoutes();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void driftTriggersPagerDutySlackAndASignedWebhookThenResolvesUnderTheSameDedupKey() throws Exception {
        TestDataset d = AlertFixtures.dataset(registry, "delivery-team");
        Instant t0 = later(Duration.ofSeconds(1));
        long run = AlertFixtures.healthyRun(dataSource, d, t0);
        AlertFixtures.psi(dataSource, run, "a&b<c>", 0.43, 0.2);

        evaluator.evaluate(t0);
        sender.sendDue(t0);
        assertThat(receiver.about(d.name(), "/pagerduty")).as("group_wait holds the first notification").isEmpty();

        evaluator.evaluate(t0.plusSeconds(10));
        sender.sendDue(t0.plusSeconds(10));
        String dedupKey = sha256("all-three:0.0:{alertname=DistributionDrift, dataset=" + d.name() + "}");
        String summary = d.name() + ".a&b<c>: distribution drift, PSI 0.430 above 0.2";
        String labels = "{\"alertname\":\"DistributionDrift\",\"column\":\"a&b<c>\",\"dataset\":\"" + d.name()
                + "\",\"severity\":\"warning\",\"team\":\"delivery-team\"}";
        assertThat(json(only(d, "/pagerduty"))).isEqualTo(JSON.readTree("""
                {"routing_key":"test-routing-key","event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"[FIRING:1] DistributionDrift dataset=%s: %s","source":"plumbline",
                   "severity":"warning","custom_details":{"firing":1,"resolved":0,
                     "group_labels":{"alertname":"DistributionDrift","dataset":"%s"},
                     "alerts":[{"status":"firing","summary":"%s","labels":%s}]}},
                 "client":"Plumbline","client_url":"https://plumbline.example/alerts",
                 "links":[{"href":"https://plumbline.example/alerts","text":"Alerts in Plumbline"}]}
                """.formatted(dedupKey, d.name(), summary, d.name(), summary, labels)));
        assertThat(json(only(d, "/slack"))).isEqualTo(JSON.readTree("""
                {"text":"[FIRING:1] DistributionDrift dataset=%s",
                 "blocks":[{"type":"header","text":{"type":"plain_text","text":"[FIRING:1] DistributionDrift dataset=%s"}},
                   {"type":"section","text":{"type":"mrkdwn","text":":red_circle: *Firing* %s.a&amp;b&lt;c&gt;: distribution drift, PSI 0.430 above 0.2"}},
                   {"type":"context","elements":[{"type":"mrkdwn","text":"<https://plumbline.example/alerts|Open alerts in Plumbline>"}]}]}
                """.formatted(d.name(), d.name(), d.name())));
        Received hook = only(d, "/webhook");
        long timestamp = Long.parseLong(hook.header(WebhookMessage.TIMESTAMP_HEADER));
        assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(hook.header(WebhookMessage.SIGNATURE_HEADER)).isEqualTo("sha256=" + hmac("test-webhook-secret",
                timestamp + "." + hook.body()));
        String fingerprint = alerts.newest(50).stream().filter(a -> d.name().equals(a.label("dataset")))
                .findFirst().orElseThrow().fingerprint();
        assertThat(json(hook)).isEqualTo(JSON.readTree("""
                {"version":"1","groupKey":"%s","status":"firing","receiver":"all-three",
                 "groupLabels":{"alertname":"DistributionDrift","dataset":"%s"},"commonLabels":%s,
                 "externalURL":"https://plumbline.example/alerts",
                 "alerts":[{"status":"firing","labels":%s,"summary":"%s","value":0.43,"startsAt":"%s","endsAt":null,
                   "fingerprint":"%s"}]}
                """.formatted(dedupKey, d.name(), labels, labels, summary, t0, fingerprint)));

        long recovered = AlertFixtures.healthyRun(dataSource, d, t0.plusSeconds(30));
        AlertFixtures.psi(dataSource, recovered, "a&b<c>", 0.05, 0.2);
        evaluator.evaluate(t0.plusSeconds(40));
        sender.sendDue(t0.plusSeconds(40));
        assertThat(receiver.about(d.name(), "/pagerduty")).as("group_interval holds the resolution").hasSize(1);
        evaluator.evaluate(t0.plusSeconds(70));
        sender.sendDue(t0.plusSeconds(70));
        List<Received> events = receiver.about(d.name(), "/pagerduty");
        assertThat(events).hasSize(1);
        assertThat(receiver.about(dedupKey, "/pagerduty")).hasSize(2);
        assertThat(json(receiver.about(dedupKey, "/pagerduty").get(1))).isEqualTo(JSON.readTree(
                "{\"routing_key\":\"test-routing-key\",\"event_action\":\"resolve\",\"dedup_key\":\"" + dedupKey + "\"}"));
        assertThat(json(receiver.about(d.name(), "/webhook").get(1)).path("status").asText()).isEqualTo("resolved");
        assertThat(json(receiver.about(d.name(), "/webhook").get(1)).path("alerts").get(0).path("endsAt").asText())
                .isEqualTo(t0.plusSeconds(40).toString());
    }

    @Test
    void aReceiverAnswering503Then429GetsEachNotificationOnceAfterItsRetryAfter() {
        TestDataset d = AlertFixtures.dataset(registry, "delivery-team");
        receiver.script(d.name(), "/pagerduty", new Answer(503, "2"), new Answer(429, "3"));
        receiver.script(d.name(), "/webhook", new Answer(503, null), new Answer(503, null));
        Instant t0 = later(Duration.ofSeconds(1));
        AlertFixtures.run(dataSource, d, t0, 200, 100, 1000L, t0);
        evaluator.evaluate(t0);
        evaluator.evaluate(t0.plusSeconds(10));

        sender.sendDue(t0.plusSeconds(10));
        Notification pd = row(d, "pagerduty");
        assertThat(pd.status()).isEqualTo("pending");
        assertThat(pd.lastStatusCode()).isEqualTo(503);
        assertThat(pd.nextAttemptAt()).isEqualTo(t0.plusSeconds(12));
        assertThat(row(d, "webhook").nextAttemptAt()).as("1 s backoff").isEqualTo(t0.plusSeconds(11));

        sender.sendDue(t0.plusSeconds(11));
        assertThat(row(d, "webhook").nextAttemptAt()).as("then 2 s").isEqualTo(t0.plusSeconds(13));
        assertThat(receiver.about(d.name(), "/pagerduty")).as("Retry-After is honoured").hasSize(1);
        sender.sendDue(t0.plusSeconds(12));
        assertThat(row(d, "pagerduty").nextAttemptAt()).isEqualTo(t0.plusSeconds(15));
        evaluator.evaluate(t0.plusSeconds(13));
        sender.sendDue(t0.plusSeconds(13));
        sender.sendDue(t0.plusSeconds(15));
        sender.sendDue(t0.plusSeconds(20));

        assertThat(receiver.about(d.name(), "/pagerduty")).extracting(Received::answered).containsExactly(503, 429, 200);
        assertThat(receiver.about(d.name(), "/webhook")).extracting(Received::answered).containsExactly(503, 503, 200);
        assertThat(receiver.about(d.name(), "/slack")).extracting(Received::answered).containsExactly(200);
        assertThat(rows(d)).hasSize(3).allSatisfy(n -> assertThat(n.status()).isEqualTo("sent"));
        assertThat(row(d, "pagerduty").attempts()).isEqualTo(3);
    }

    @Test
    void aResolveWaitsWhileItsTriggerIsStillBeingRetriedSoItNeverArrivesFirst() throws Exception {
        TestDataset d = AlertFixtures.dataset(registry, "delivery-team");
        receiver.script(d.name(), "/pagerduty", new Answer(503, "30"), new Answer(503, "30"));
        Instant t0 = later(Duration.ofSeconds(1));
        AlertFixtures.psi(dataSource, AlertFixtures.healthyRun(dataSource, d, t0), "amount", 0.43, 0.2);
        evaluator.evaluate(t0);
        evaluator.evaluate(t0.plusSeconds(10));
        sender.sendDue(t0.plusSeconds(10));
        sender.sendDue(t0.plusSeconds(60));
        assertThat(row(d, "pagerduty").nextAttemptAt()).as("the trigger's next try").isEqualTo(t0.plusSeconds(90));

        AlertFixtures.psi(dataSource, AlertFixtures.healthyRun(dataSource, d, t0.plusSeconds(65)), "amount", 0.05,
                0.2);
        evaluator.evaluate(t0.plusSeconds(70));
        sender.sendDue(t0.plusSeconds(70));
        String dedupKey = json(receiver.about(d.name(), "/pagerduty").get(0)).path("dedup_key").asText();
        assertThat(receiver.about(dedupKey, "/pagerduty")).as("the resolve is due, but its trigger is not sent yet")
                .extracting(AlertDeliveryTest::eventAction).containsExactly("trigger", "trigger");

        sender.sendDue(t0.plusSeconds(90));
        sender.sendDue(t0.plusSeconds(92));
        assertThat(receiver.about(dedupKey, "/pagerduty"))
                .extracting(r -> eventAction(r) + " " + r.answered())
                .containsExactly("trigger 503", "trigger 503", "trigger 200", "resolve 200");
    }

    @Test
    void retentionDeletesResolvedAlertsAndDeliveredNotificationsPastTheirAgeButNothingOpenOrPending() {
        TestDataset d = AlertFixtures.dataset(registry, "delivery-team");
        receiver.script(d.name(), "/slack", new Answer(503, null));
        Instant t0 = later(Duration.ofSeconds(1));
        long first = AlertFixtures.healthyRun(dataSource, d, t0);
        AlertFixtures.psi(dataSource, first, "amount", 0.43, 0.2);
        AlertFixtures.psi(dataSource, first, "channel", 0.43, 0.2);
        evaluator.evaluate(t0);
        evaluator.evaluate(t0.plusSeconds(10));
        sender.sendDue(t0.plusSeconds(10));
        long later = AlertFixtures.healthyRun(dataSource, d, t0.plusSeconds(20));
        AlertFixtures.psi(dataSource, later, "amount", 0.43, 0.2);
        AlertFixtures.psi(dataSource, later, "channel", 0.05, 0.2);
        evaluator.evaluate(t0.plusSeconds(20));
        assertThat(alerts.newest(100)).filteredOn(a -> d.name().equals(a.label("dataset")))
                .extracting(a -> a.label("column") + " " + a.state().key()).contains("amount firing", "channel resolved");

        retention.sweep(t0.plus(Duration.ofDays(91)));

        assertThat(alerts.newest(100)).filteredOn(a -> d.name().equals(a.label("dataset")))
                .extracting(a -> a.label("column") + " " + a.state().key()).containsExactly("amount firing");
        assertThat(rows(d)).as("the Slack message still being retried stays").singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo("slack"))
                .satisfies(n -> assertThat(n.status()).isEqualTo("pending"));
    }

    @Test
    void aReceiverThatNeverRecoversIsGivenUpAfterTheMaximumAgeWithTheFailureKept() {
        TestDataset d = AlertFixtures.dataset(registry, "delivery-team");
        Answer[] down = new Answer[20];
        java.util.Arrays.fill(down, new Answer(500, null));
        receiver.script(d.name(), "/slack", down);
        Instant t0 = later(Duration.ofSeconds(1));
        AlertFixtures.run(dataSource, d, t0, 200, 100, 1000L, t0);
        evaluator.evaluate(t0);
        evaluator.evaluate(t0.plusSeconds(10));
        for (int i = 0; i < 20 && row(d, "slack").status().equals("pending"); i++) {
            sender.sendDue(row(d, "slack").nextAttemptAt());
        }
        Notification slack = row(d, "slack");
        assertThat(slack.status()).isEqualTo("failed");
        assertThat(slack.attempts()).as("after 1, 2, 4, 8, 16, then every 30 s").isEqualTo(10);
        assertThat(slack.lastError()).isEqualTo("gave up after 10 attempts in 3m: HTTP 500: {\"status\":\"busy\"}");
        assertThat(receiver.about(d.name(), "/slack")).hasSize(10);
    }

    @Test
    void aBadRequestIsNotRetried() {
        TestDataset d = AlertFixtures.dataset(registry, "delivery-team");
        receiver.script(d.name(), "/webhook", new Answer(400, null));
        Instant t0 = later(Duration.ofSeconds(1));
        AlertFixtures.run(dataSource, d, t0, 200, 100, 1000L, t0);
        evaluator.evaluate(t0);
        evaluator.evaluate(t0.plusSeconds(10));
        sender.sendDue(t0.plusSeconds(10));
        sender.sendDue(t0.plusSeconds(30));
        assertThat(row(d, "webhook").status()).isEqualTo("failed");
        assertThat(row(d, "webhook").lastError()).isEqualTo("HTTP 400: {\"status\":\"busy\"} (not retried)");
        assertThat(receiver.about(d.name(), "/webhook")).hasSize(1);
    }

    @Test
    void aDatasetsIngestionLagAlertInhibitsItsStalenessAlert() {
        TestDataset d = AlertFixtures.dataset(registry, "delivery-team");
        Instant t0 = later(Duration.ofSeconds(1));
        Instant sixMinutesAgo = t0.minus(Duration.ofMinutes(6));
        AlertFixtures.run(dataSource, d, sixMinutesAgo, 100, 100, Duration.ofMinutes(7).toMillis(), sixMinutesAgo);
        evaluator.evaluate(t0);
        evaluator.evaluate(t0.plusSeconds(10));
        sender.sendDue(t0.plusSeconds(10));
        assertThat(alerts.open()).filteredOn(a -> d.name().equals(a.label("dataset"))).extracting(a -> a.rule())
                .containsExactlyInAnyOrder("IngestionLagHigh", "DatasetStale");
        assertThat(receiver.about(d.name(), "/webhook")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("IngestionLagHigh").doesNotContain("DatasetStale"));
    }

    @Test
    void anActiveSilenceSuppressesAndItsExpiryLetsTheAlertThrough() {
        TestDataset d = AlertFixtures.dataset(registry, "delivery-team");
        Instant t0 = later(Duration.ofSeconds(1));
        Silence silence = silences.create(List.of(LabelMatcher.parse("team=\"delivery-team\""),
                LabelMatcher.parse("dataset=\"" + d.name() + "\"")), t0.minusSeconds(1), t0.plus(Duration.ofHours(1)),
                "test-editor", "planned backfill");
        long run = AlertFixtures.healthyRun(dataSource, d, t0);
        AlertFixtures.psi(dataSource, run, "amount", 0.43, 0.2);
        evaluator.evaluate(t0);
        evaluator.evaluate(t0.plusSeconds(10));
        evaluator.evaluate(t0.plusSeconds(20));
        sender.sendDue(t0.plusSeconds(20));
        assertThat(receiver.about(d.name(), "/webhook")).isEmpty();

        assertThat(silences.expire(silence.id(), "test-editor", t0.plusSeconds(25))).isTrue();
        evaluator.evaluate(t0.plusSeconds(30));
        evaluator.evaluate(t0.plusSeconds(40));
        sender.sendDue(t0.plusSeconds(40));
        assertThat(receiver.about(d.name(), "/webhook")).hasSize(1);
    }

    @Test
    void groupWaitBatchesAlertsThatStartTogetherAndGroupIntervalBatchesTheNextOnes() throws IOException {
        TestDataset d = AlertFixtures.dataset(registry, "batch-team");
        Instant t0 = later(Duration.ofSeconds(1));
        AlertFixtures.psi(dataSource, AlertFixtures.healthyRun(dataSource, d, t0), "amount", 0.43, 0.2);
        evaluator.evaluate(t0);
        AlertFixtures.psi(dataSource, AlertFixtures.healthyRun(dataSource, d, t0.plusSeconds(5)), "channel", 0.3, 0.2);
        evaluator.evaluate(t0.plusSeconds(5));
        evaluator.evaluate(t0.plusSeconds(10));
        sender.sendDue(t0.plusSeconds(10));
        assertThat(receiver.about(d.name(), "/webhook")).hasSize(1);
        assertThat(json(receiver.about(d.name(), "/webhook").get(0)).path("alerts")).hasSize(2);

        AlertFixtures.run(dataSource, d, t0.plusSeconds(20), 100, 100, Duration.ofMinutes(7).toMillis(),
                t0.plusSeconds(20));
        evaluator.evaluate(t0.plusSeconds(20));
        evaluator.evaluate(t0.plusSeconds(50));
        sender.sendDue(t0.plusSeconds(50));
        assertThat(receiver.about(d.name(), "/webhook")).as("held until group_interval").hasSize(1);
        evaluator.evaluate(t0.plusSeconds(70));
        evaluator.evaluate(t0.plusSeconds(100));
        sender.sendDue(t0.plusSeconds(100));
        assertThat(receiver.about(d.name(), "/webhook")).hasSize(2);
        JsonNode second = json(receiver.about(d.name(), "/webhook").get(1));
        assertThat(second.path("groupLabels").toString()).isEqualTo("{\"dataset\":\"" + d.name() + "\"}");
        assertThat(second.path("alerts").findValuesAsText("alertname"))
                .containsExactlyInAnyOrder("DistributionDrift", "DistributionDrift", "IngestionLagHigh");
    }

    private Notification row(TestDataset d, String kind) {
        return rows(d).stream().filter(n -> n.kind().equals(kind)).findFirst().orElseThrow();
    }

    private List<Notification> rows(TestDataset d) {
        return outbox.newest(500).stream().filter(n -> n.body().contains(d.name())).toList();
    }

    private Received only(TestDataset d, String path) {
        List<Received> got = receiver.about(d.name(), path);
        assertThat(got).hasSize(1);
        return got.get(0);
    }

    static String eventAction(Received received) {
        try {
            return json(received).path("event_action").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode json(Received received) throws IOException {
        return JSON.readTree(received.body());
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String hmac(String secret, String text) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
