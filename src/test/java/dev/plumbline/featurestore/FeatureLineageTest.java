package dev.plumbline.featurestore;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.access.Caller;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.quarantine.QuarantineActions;
import dev.plumbline.quarantine.QuarantineFilter;
import dev.plumbline.quarantine.QuarantineQueue;
import dev.plumbline.transform.FeatureValues;
import dev.plumbline.transform.FeatureViewVersion;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A feature value traces to its input events, the runs that validated them and the contract versions that passed them. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class FeatureLineageTest {

    @Inject
    DatasetRegistry datasets;
    @Inject
    FeatureRegistry registry;
    @Inject
    FeatureValues values;
    @Inject
    QuarantineQueue queue;
    @Inject
    QuarantineActions actions;

    @Test
    void aValueListsItsEventsWithTheirRunsAndTheContractVersionThatPassedThem() {
        String dataset = PipelineFixtures.freshDatasetName("lin");
        PipelineFixtures.registerOrders(datasets, dataset);
        FeatureViewVersion view = registry.apply("""
                name: lineage_%s
                entity: currency
                source: %s
                owner: test-team
                version: 1.0.0
                features:
                  - {name: amount_7d, aggregation: sum, field: amount, window: 7d}
                """.formatted(dataset.substring(4), dataset), new Caller("test-admin", Set.of("admin")), "127.0.0.1")
                .version();
        Instant eventTime = Instant.now().minusSeconds(600);
        TestKafka.publish(dataset, List.of(at("a", 10, eventTime), at("big", 500, eventTime)));
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.count(QuarantineFilter.open(dataset)) == 1
                && values.valuesAt(view, "USD", Instant.now()).values().get("amount_7d") != null);
        Instant beforeRelease = Instant.now();
        PipelineFixtures.activateLooserOrders(datasets, dataset);
        long id = queue.newest(QuarantineFilter.open(dataset), Long.MAX_VALUE, 10).get(0).id();
        actions.release(List.of(id), new QuarantineActions.Actor(TestAccounts.EDITOR, "127.0.0.1"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Double.valueOf(510.0).equals(values.valuesAt(view, "USD", Instant.now()).values()
                        .get("amount_7d")));
        String path = "/api/features/" + view.viewName() + "/lineage?entity=USD&feature=amount_7d&as_of=";

        Sessions.as(TestAccounts.VIEWER).get(path + Instant.now()).then().statusCode(200)
                .body("value", equalTo(510.0f)).body("inputs.total", equalTo(2))
                .body("inputs.newest.find { it.value == '500' }.contractVersion", equalTo("1.1.0"))
                .body("inputs.newest.find { it.value == '500' }.releasedBy", equalTo(TestAccounts.EDITOR))
                .body("inputs.newest.find { it.value == '10' }.contractVersion", equalTo("1.0.0"))
                .body("inputs.newest.find { it.value == '10' }.releasedAt", nullValue())
                .body("inputs.newest.find { it.value == '10' }.validationRunId", notNullValue())
                .body("inputs.newest.find { it.value == '10' }.topic", equalTo(dataset));
        // Before its release the big order was not known, so it is no input of the value as of then.
        Sessions.as(TestAccounts.VIEWER).get(path + beforeRelease).then().statusCode(200)
                .body("value", equalTo(10.0f)).body("inputs.newest", hasSize(1));
        Sessions.as(TestAccounts.VIEWER).get("/features/" + view.viewName() + "/lineage?entity=USD&feature=amount_7d")
                .then().statusCode(200).body(containsString("released from quarantine by " + TestAccounts.EDITOR))
                .body(containsString("<td>1.0.0</td>"));
        Sessions.as(TestAccounts.VIEWER).get("/features/" + view.viewName() + "?entity=USD").then().statusCode(200)
                .body(containsString("href=\"/features/" + view.viewName() + "/lineage?version=1.0.0&amp;entity=USD"
                        + "&amp;feature=amount_7d&amp;as_of="));
        Sessions.as(TestAccounts.VIEWER).get("/api/features/" + view.viewName() + "/lineage?entity=USD&feature=nope")
                .then().statusCode(404);
        Sessions.as(TestAccounts.VIEWER).get(path + "yesterday").then().statusCode(400);
    }

    static String at(String id, int amount, Instant eventTime) {
        return PipelineFixtures.order(id, amount, "USD")
                .replaceAll("\"event_time\":\"[^\"]+\"", "\"event_time\":\"" + eventTime + "\"");
    }
}
