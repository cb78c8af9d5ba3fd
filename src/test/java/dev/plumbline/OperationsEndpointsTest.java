package dev.plumbline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** Health, static assets and the dataset API as an operator or a script uses them; an editor registers datasets. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class OperationsEndpointsTest {

    @Test
    void readinessReportsTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void theHtmxScriptTheLayoutNamesIsServed() {
        given().get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").then().statusCode(200);
        given().get("/css/plumbline.css").then().statusCode(200);
    }

    @Test
    void datasetsAreRegisteredAndListedOverJson() {
        String name = PipelineFixtures.freshDatasetName("api");
        editor().contentType("application/json").body("{\"topic\":\"" + name + "\",\"owningTeam\":\"growth\"}")
                .put("/api/datasets/" + name).then().statusCode(200)
                .body("name", equalTo(name)).body("owningTeam", equalTo("growth"));
        editor().get("/api/datasets/" + name).then().statusCode(200).body("topic", equalTo(name));
        editor().get("/api/datasets").then().statusCode(200).body("name", hasItems(name));
        editor().get("/").then().statusCode(200)
                .body(containsString(name), containsString("No validation runs yet."));
    }

    @Test
    void aDatasetGetsItsFirstContractOverHttpAndLaterOnesAreRefused() {
        String name = PipelineFixtures.freshDatasetName("api");
        editor().contentType("application/json").body("{\"topic\":\"" + name + "\",\"owningTeam\":\"growth\"}")
                .put("/api/datasets/" + name).then().statusCode(200);
        String contract = PipelineFixtures.resource("fixtures/pipeline/orders.odcs.yaml");
        editor().contentType("application/yaml").body(yaml(contract.replace("logicalType: number", "logicalType: numbr")))
                .put("/api/datasets/" + name + "/contract").then().statusCode(400)
                .body("problems[0].line", equalTo(23))
                .body("problems[0].path", equalTo("schema[0].properties[1].logicalType"))
                .body("problems[0].message", containsString("\"numbr\" is not one of"));
        editor().contentType("application/yaml").body(yaml(contract))
                .put("/api/datasets/" + name + "/contract").then().statusCode(201)
                .body("activeContractVersion", equalTo("1.0.0"));
        editor().contentType("application/yaml").body(yaml(contract.replace("version: 1.0.0", "version: 2.0.0")))
                .put("/api/datasets/" + name + "/contract").then().statusCode(409)
                .body("error", containsString("change request"));
    }

    @Test
    void aBadDatasetNameIsRefusedWithAReason() {
        editor().contentType("application/json").body("{\"topic\":\"t\",\"owningTeam\":\"growth\"}")
                .put("/api/datasets/Bad Name!").then().statusCode(400)
                .body("error", containsString("lower-case"));
    }

    @Test
    void anUnknownDatasetIs404() {
        editor().get("/api/datasets/no-such-dataset").then().statusCode(404);
    }

    private static RequestSpecification editor() {
        return Sessions.as(TestAccounts.EDITOR);
    }

    private static byte[] yaml(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
