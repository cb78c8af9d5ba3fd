package dev.plumbline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test profile's ODCS schema setting, seen through the contract API: accepted as written, refused by line. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class OdcsSchemaApiTest {

    private String dataset;

    @BeforeEach
    void registerDataset() {
        assumeTrue(Files.isRegularFile(OdcsSchemaTest.SCHEMA), "no ODCS JSON schema at "
                + OdcsSchemaTest.SCHEMA.toAbsolutePath() + "; schema validation not checked");
        dataset = PipelineFixtures.freshDatasetName("refunds");
        Sessions.as(TestAccounts.EDITOR).contentType("application/json")
                .body("{\"topic\":\"" + dataset + "\",\"owningTeam\":\"" + TestAccounts.TEAM + "\"}")
                .put("/api/datasets/" + dataset).then().statusCode(200);
    }

    @Test
    void contractWithOdcsFieldsPlumblineDoesNotUseIsExportedExactlyAsWritten() {
        // Plumbline does enforce relationships (foreign keys): its target dataset does not exist in this test.
        String yaml = OdcsSchemaTest.resource("/fixtures/contract/odcs-fields-plumbline-ignores.odcs.yaml")
                .replace("        relationships:\n          - to: transactions.transaction_id\n", "");

        putContract(yaml).statusCode(201);

        assertThat(Sessions.as(TestAccounts.VIEWER).get("/api/contracts/" + dataset + "/versions/1.2.0").asString())
                .isEqualTo(yaml);
    }

    @Test
    void contractThatBreaksTheOdcsSchemaIsRefusedWithLineAndPath() {
        String yaml = PipelineFixtures.resource("fixtures/pipeline/orders.odcs.yaml")
                .replace("kind: DataContract\n", "kind: DataContract\nowner: payments\n");

        putContract(yaml).statusCode(400)
                .body("problems[0].line", equalTo(3), "problems[0].path", equalTo("owner"),
                        "problems[0].message", equalTo("\"owner\" is not a field ODCS defines here"
                                + " (fields of your own go in customProperties)"));
    }

    private ValidatableResponse putContract(String yaml) {
        return Sessions.as(TestAccounts.EDITOR).contentType("application/yaml")
                .body(yaml.getBytes(StandardCharsets.UTF_8)).put("/api/datasets/" + dataset + "/contract").then();
    }
}
