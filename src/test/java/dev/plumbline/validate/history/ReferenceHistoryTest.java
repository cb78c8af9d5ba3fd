package dev.plumbline.validate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.contract.ContractProblem;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.contract.InvalidContractException;
import dev.plumbline.ingest.StagingRepository;
import dev.plumbline.quarantine.QuarantineActions;
import dev.plumbline.quarantine.QuarantineActions.Actor;
import dev.plumbline.quarantine.QuarantineFilter;
import dev.plumbline.quarantine.QuarantineQueue;
import dev.plumbline.quarantine.ReleaseOutcome;
import dev.plumbline.validate.HistoryFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Foreign keys from one dataset to another's accepted keys, through the real pipeline. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ReferenceHistoryTest {

    @Inject
    DatasetRegistry registry;
    @Inject
    StagingRepository staging;
    @Inject
    DataSource dataSource;
    @Inject
    QuarantineQueue queue;
    @Inject
    QuarantineActions actions;

    HistoryFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new HistoryFixtures(registry, staging, dataSource);
    }

    @Test
    void aPaymentOfAnUnknownCustomerIsQuarantinedAndPassesOnReleaseOnceTheCustomerArrived() {
        String customers = fixtures.register("customers", HistoryFixtures.contract("customers", ""));
        TestKafka.publish(customers, List.of(customer("c1"), customer("c2")));
        fixtures.awaitValidated(customers, 2);
        String payments = fixtures.register("payments", HistoryFixtures.contract("payments", customers));

        TestKafka.publish(payments, List.of(payment("p1", "c1"), payment("p2", "c9")));
        fixtures.awaitValidated(payments, 2);

        assertThat(fixtures.quarantined(payments)).singleElement().asString()
                .contains("expect_column_values_to_reference_existing_keys")
                .contains("customer_id \\\"c9\\\" is not among the accepted keys of " + customers + ".customer_id");
        assertThat(fixtures.keys(payments, "payment_id")).containsOnlyKeys("p1");

        TestKafka.publish(customers, List.of(customer("c9")));
        fixtures.awaitValidated(customers, 3);
        ReleaseOutcome outcome = actions.release(queue.ids(QuarantineFilter.open(payments), 0, 10),
                new Actor("alice", "127.0.0.1"));

        assertThat(outcome.released()).isEqualTo(1);
        assertThat(fixtures.keys(payments, "payment_id")).isEqualTo(Map.of("p1", 0L, "p2", 1L));
    }

    @Test
    void aForeignKeyToAnUnregisteredDatasetIsRefusedWithItsLineAndPath() {
        String payments = PipelineFixtures.freshDatasetName("payments");
        registry.apply(payments, payments, "test-team");

        assertThatThrownBy(() -> registry.activateFirstContract(payments,
                HistoryFixtures.contract("payments", "nowhere"), "alice"))
                .isInstanceOfSatisfying(InvalidContractException.class, e -> assertThat(e.problems())
                        .extracting(ContractProblem::line, ContractProblem::path).containsExactly(
                                org.assertj.core.groups.Tuple.tuple(17,
                                        "schema[0].properties[1].relationships[0].to")));
    }

    private static String customer(String id) {
        return "{\"customer_id\":\"" + id + "\",\"name\":\"Customer " + id + "\"}";
    }

    private static String payment(String id, String customer) {
        return "{\"payment_id\":\"" + id + "\",\"customer_id\":\"" + customer + "\"}";
    }
}
