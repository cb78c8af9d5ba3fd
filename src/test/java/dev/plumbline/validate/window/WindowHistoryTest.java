package dev.plumbline.validate.window;

import static dev.plumbline.PipelineFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.TestKafka;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.ingest.StagingRepository;
import dev.plumbline.validate.HistoryFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Rules judged over a window of batches, from the analyzer states PostgreSQL keeps per run. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class WindowHistoryTest {

    @Inject
    DatasetRegistry registry;
    @Inject
    StagingRepository staging;
    @Inject
    DataSource dataSource;

    @Test
    void aWindowedMeanAndPsiAreJudgedOverEveryBatchInTheWindow() {
        HistoryFixtures fixtures = new HistoryFixtures(registry, staging, dataSource);
        String dataset = fixtures.register("windowed", HistoryFixtures.contract("windowed", ""));
        TestKafka.publish(dataset, List.of(order("w1", 10, "USD"), order("w2", 12, "USD")));
        fixtures.awaitValidated(dataset, 2);
        TestKafka.publish(dataset, List.of(order("w3", 20, "EUR"), order("w4", 18, "EUR")));
        fixtures.awaitValidated(dataset, 4);

        List<String> means = fixtures.observed(dataset, "expect_column_mean_to_be_between");
        assertThat(means.get(0)).startsWith("false mean 1");
        assertThat(means.get(means.size() - 1)).matches("true mean 15, expected .*\\(window 1h: [2-4] batches\\)");
        List<String> psi = fixtures.observed(dataset, "expect_column_psi_to_be_less_than");
        assertThat(psi.get(0)).startsWith("true insufficient data:");
        assertThat(psi.get(psi.size() - 1)).matches("true PSI 0 over 4 values, expected at most 0.2 \\(window 1h: "
                + "[2-4] batches\\)");
    }
}
