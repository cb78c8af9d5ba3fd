package dev.plumbline.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.options.AriaRole;
import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.access.Caller;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.demo.DemoFeatureView;
import dev.plumbline.featurestore.FeatureRegistry;
import dev.plumbline.transform.FeatureValues;
import dev.plumbline.transform.FeatureViewVersion;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A data scientist makes a training set for the demo view {@code customer_transactions}: uploads entity rows with
 * label times and a label, lands on the set's page, reads the leakage audit and the first rows; a file with a
 * misspelt column is refused on the page with its line.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class TrainingSetBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    DatasetRegistry datasets;
    @Inject
    FeatureRegistry registry;
    @Inject
    FeatureValues values;

    @Test
    void entityRowsBecomeATrainingSetWithItsLeakageAudit() throws Exception {
        FeatureViewVersion view = demoView();
        Instant eventTime = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        List<String> transactions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            transactions.add("{\"transaction_id\":\"ts-" + System.nanoTime() + "-" + i + "\",\"customer_id\":\"c-"
                    + (i < 4 ? 1 : 0) + "\",\"amount\":" + (10 + i) + ",\"currency\":\"USD\",\"event_time\":\""
                    + eventTime.plusSeconds(i) + "\"}");
        }
        TestKafka.publish("transactions", transactions);
        await().atMost(Duration.ofSeconds(60)).until(() -> (Long) values.valuesAt(view, "c-1", Instant.now()).values()
                .get("customer_transactions_1h") == 4L);
        Instant labelTime = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StringBuilder csv = new StringBuilder("customer_id,label_time,is_fraud\n");
        for (int i = 0; i < 60; i++) {
            csv.append("c-").append(i % 3).append(',').append(labelTime.minusMillis(i)).append(',')
                    .append(i % 3 == 1 ? 1 : 0).append('\n');
        }
        Path labels = Files.writeString(Files.createTempFile("labels", ".csv"), csv);
        Path misspelt = Files.writeString(Files.createTempFile("misspelt", ".csv"),
                "customer,label_time\nc-1," + labelTime + "\n");

        SignIn.as(page, root, TestAccounts.VIEWER);
        page.navigate(root + "features/customer_transactions");
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Make a training set")).click();
        page.getByLabel("Entity rows").setInputFiles(misspelt);
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Make training set")).click();
        assertThat(page.locator("#problems")).containsText("line 1: unknown column \"customer\"");
        assertThat(Axe.seriousViolations(page)).isEmpty();

        page.getByLabel("Entity rows").setInputFiles(labels);
        page.getByLabel("Label columns").fill("is_fraud");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Make training set")).click();
        page.waitForURL(Pattern.compile(".*/features/training-sets/\\d+"));

        assertThat(page.locator("h1")).containsText("Training set #");
        assertThat(page.locator("dl.record")).containsText("customer_transactions 1.0.0");
        assertThat(page.locator("dl.record")).containsText("60 rows");
        assertThat(page.locator("#leaks")).containsText("0 leaked values");
        assertThat(page.locator("#proxy-audit tbody tr")).hasCount(6);
        // c-1 is the only customer with four transactions in the hour, and the only one labelled 1.
        assertThat(page.locator("#proxy-audit tbody tr", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("customer_transactions_1h"))).containsText("suspicious");
        assertThat(page.locator("#rows tbody tr")).hasCount(20);
        assertThat(page.locator("#rows tbody tr").first()).containsText("c-0");
        assertThat(Axe.seriousViolations(page)).isEmpty();
        screenshot("training-set");
        assertThat(dialogs).isEmpty();
    }

    private FeatureViewVersion demoView() {
        if (datasets.get("transactions").isEmpty()) {
            datasets.apply("transactions", "transactions", "payments-data");
            datasets.activateFirstContract("transactions", PipelineFixtures.resource("demo/transactions.odcs.yaml"),
                    "plumbline-demo");
        }
        return registry.apply(DemoFeatureView.YAML, new Caller("plumbline-demo", Set.of("admin")), "127.0.0.1")
                .version();
    }
}
