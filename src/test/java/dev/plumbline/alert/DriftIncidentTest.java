package dev.plumbline.alert;

import static dev.plumbline.monitor.rules.AlertFixtures.later;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.alert.TestReceiver.Received;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.monitor.rules.AlertEvaluator;
import dev.plumbline.monitor.rules.AlertStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end incident: the demo stream, on a real Kafka topic, through staging and validation against
 * the demo contract, switches {@code amount} from US dollars to euro cents; PSI climbs above 0.2 and the unit watch
 * names the change; one PagerDuty trigger reaches a real HTTP receiver, and once the stream recovers one resolve
 * follows under the same {@code dedup_key}. Alert evaluation and delivery run at instants the test chooses (the
 * {@code for} minute and the receiver's two-minute outage are clock time given to them, not slept).
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class DriftIncidentTest {

    static final String TEAM = "drift-team";
    static TestReceiver receiver;

    @Inject
    AlertEvaluator evaluator;
    @Inject
    OutboxSender sender;
    @Inject
    AlertStore alerts;
    @Inject
    DatasetRegistry registry;
    @Inject
    DataSource dataSource;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = TestReceiver.forDeliveryRoutes();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aSwitchToEuroCentsPagesOnceAndTheRecoveryResolvesUnderTheSameDedupKey() throws Exception {
        DemoTopic topic = new DemoTopic(dataset());
        topic.publishDollars(3);
        Instant calm = later(Duration.ofSeconds(1));
        evaluator.evaluate(calm);
        assertThat(openAlerts(topic)).as("dollars as approved: no alert").isEmpty();

        topic.publishEuroCents(3);
        Instant firing = fire(topic);
        assertThat(openAlerts(topic)).extracting(a -> a.rule()).containsExactlyInAnyOrder("DistributionDrift",
                "UnitChanged");
        assertThat(openAlerts(topic)).filteredOn(a -> a.rule().equals("DistributionDrift")).singleElement()
                .satisfies(a -> assertThat(a.value()).as("PSI").isGreaterThan(0.2));
        assertThat(openAlerts(topic)).filteredOn(a -> a.rule().equals("UnitChanged")).singleElement()
                .satisfies(a -> assertThat(a.value()).as("factor").isCloseTo(92, within(3.0)))
                .satisfies(a -> assertThat(a.summary()).contains("unit or currency change from USD"));
        sender.sendDue(firing);
        evaluator.evaluate(firing.plusSeconds(15));
        sender.sendDue(firing.plusSeconds(15));

        List<Received> pages = receiver.about(topic.dataset(), "/pagerduty");
        assertThat(pages).as("one trigger for the incident").singleElement();
        JsonNode trigger = AlertDeliveryTest.json(pages.get(0));
        assertThat(trigger.path("event_action").asText()).isEqualTo("trigger");
        assertThat(trigger.path("payload").path("severity").asText()).isEqualTo("error");
        assertThat(trigger.at("/payload/custom_details/alerts").findValuesAsText("alertname"))
                .containsExactlyInAnyOrder("DistributionDrift", "UnitChanged");
        String dedupKey = trigger.path("dedup_key").asText();

        topic.publishDollars(27);
        Instant resolved = later(Duration.ofSeconds(1));
        evaluator.evaluate(resolved);
        assertThat(openAlerts(topic)).as("a recovered stream ends both alerts").isEmpty();
        Instant groupInterval = firing.plusSeconds(60);
        evaluator.evaluate(groupInterval);
        sender.sendDue(groupInterval);
        evaluator.evaluate(groupInterval.plusSeconds(60));
        sender.sendDue(groupInterval.plusSeconds(60));

        List<Received> sameIncident = receiver.about(dedupKey, "/pagerduty");
        assertThat(sameIncident).extracting(AlertDeliveryTest::eventAction)
                .containsExactly("trigger", "resolve");
        assertThat(AlertDeliveryTest.json(sameIncident.get(1)).path("routing_key").asText())
                .isEqualTo("drift-routing-key");
    }

    @Test
    void withTheReceiverDownForTwoMinutesTheTriggerAndTheResolveArriveAfterItReturnsEachOnceInOrder()
            throws Exception {
        DemoTopic topic = new DemoTopic(dataset());
        topic.publishDollars(1);
        topic.publishEuroCents(3);
        receiver.down();
        Instant firing = fire(topic);
        Instant back = firing.plus(Duration.ofMinutes(2));
        try {
            sender.sendDue(firing);
            topic.publishDollars(27);
            Instant recovered = later(Duration.ofSeconds(1));
            for (Instant t = recovered; t.isBefore(back); t = t.plusSeconds(5)) {
                evaluator.evaluate(t);
                sender.sendDue(t);
            }
        } finally {
            receiver.up();
        }
        assertThat(openAlerts(topic)).isEmpty();
        assertThat(receiver.about(topic.dataset(), "/pagerduty")).as("nothing got through while down").isEmpty();

        for (Instant t = back; t.isBefore(back.plusSeconds(40)); t = t.plusSeconds(2)) {
            sender.sendDue(t);
        }

        Received trigger = receiver.about(topic.dataset(), "/pagerduty").stream().findFirst().orElseThrow();
        String dedupKey = AlertDeliveryTest.json(trigger).path("dedup_key").asText();
        assertThat(receiver.about(dedupKey, "/pagerduty"))
                .allSatisfy(r -> assertThat(r.answered()).isEqualTo(200))
                .extracting(AlertDeliveryTest::eventAction)
                .containsExactly("trigger", "resolve");
    }

    // Evaluates until the drift alerts, pending for the test configuration's `for` minute, fire and pass the
    // route's group_wait; returns the instant the trigger is due.
    private Instant fire(DemoTopic topic) {
        Instant seen = later(Duration.ofSeconds(1));
        evaluator.evaluate(seen);
        assertThat(openAlerts(topic)).as("pending first").isNotEmpty().noneMatch(a -> a.firing());
        evaluator.evaluate(seen.plus(Duration.ofMinutes(1)));
        Instant groupWait = seen.plus(Duration.ofMinutes(1)).plusSeconds(10);
        evaluator.evaluate(groupWait);
        return groupWait;
    }

    private List<dev.plumbline.monitor.rules.Alert> openAlerts(DemoTopic topic) {
        return alerts.open().stream().filter(a -> topic.dataset().equals(a.label("dataset"))).toList();
    }

    private String dataset() {
        String name = PipelineFixtures.freshDatasetName("drift");
        QuarkusTransaction.requiringNew().run(() -> {
            registry.apply(name, name, TEAM);
            registry.activateFirstContract(name, PipelineFixtures.resource("demo/transactions.odcs.yaml"), "alice");
        });
        return name;
    }

    /** The demo stream on the dataset's own topic, published chunk by chunk, each waited for until validated. */
    private final class DemoTopic {

        private final DemoStreamPublisher publisher;
        private long published;

        DemoTopic(String dataset) {
            this.publisher = new DemoStreamPublisher(dataset);
        }

        String dataset() {
            return publisher.topic();
        }

        void publishDollars(int chunks) {
            publish(false, chunks);
        }

        void publishEuroCents(int chunks) {
            publish(true, chunks);
        }

        // Each switched chunk is validated before the next goes out, so each is a batch of its own for the unit
        // watch; dollars only need to be validated by the end.
        private void publish(boolean euroCents, int chunks) {
            for (int i = 0; i < chunks; i++) {
                published += publisher.publish(euroCents);
                if (euroCents) {
                    awaitValidated(published);
                }
            }
            awaitValidated(published);
        }

        private void awaitValidated(long records) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long validated = 0;
            while (System.nanoTime() < deadline) {
                validated = validated();
                if (validated >= records) {
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError(records + " records published to " + dataset() + ", " + validated
                    + " validated after 60 s");
        }

        private long validated() {
            String sql = "SELECT coalesce(sum(r.record_count), 0) FROM validation_run r JOIN dataset d"
                    + " ON d.id = r.dataset_id WHERE d.name = ?";
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, dataset());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
