package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.plumbline.validate.ConstraintResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JsonSchemaConstraintTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void judgesJsonTextAndNestedDocumentsAgainstTheSchema() throws Exception {
        JsonSchemaConstraint rule = new JsonSchemaConstraint("doc", JSON.readTree("""
                {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"]}"""), 1.0);
        List<JsonNode> rows = List.of(
                JSON.readTree("{\"doc\": \"{\\\"a\\\": 1}\"}"),
                JSON.readTree("{\"doc\": {\"a\": 2}}"),
                JSON.readTree("{\"doc\": {\"a\": \"two\"}}"),
                JSON.readTree("{\"doc\": \"{not json\"}"),
                JSON.readTree("{\"doc\": 7}"),
                JSON.readTree("{\"doc\": null}"));

        ConstraintResult result = rule.evaluate(rows);

        assertThat(result.success()).isFalse();
        assertThat(result.evaluated()).isEqualTo(5);
        assertThat(result.rowFailures()).containsOnlyKeys(2, 3, 4);
        assertThat(result.rowFailures().get(2).reason()).contains("does not match the JSON Schema").contains("integer");
        assertThat(result.rowFailures().get(3).reason()).endsWith("is not valid JSON");
        assertThat(result.rowFailures().get(4).reason()).endsWith("is not JSON text");
    }

    @Test
    void anEmptySchemaAdmitsEveryDocument() throws Exception {
        JsonSchemaConstraint rule = new JsonSchemaConstraint("doc", JSON.readTree("{}"), 1.0);

        assertThat(rule.evaluate(List.of(JSON.readTree("{\"doc\": \"[1, 2]\"}"))).success()).isTrue();
    }

    @Test
    void refusesASchemaThatIsNotAnObject() throws Exception {
        assertThatThrownBy(() -> new JsonSchemaConstraint("doc", JSON.readTree("[1]"), 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("json_schema must be");
    }

    @Test
    void neverFetchesARemoteReference() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            JsonNode schema = JSON.readTree("{\"$ref\": \"http://127.0.0.1:" + server.getAddress().getPort()
                    + "/schema.json\"}");

            assertThatThrownBy(() -> new JsonSchemaConstraint("doc", schema, 1.0)
                    .evaluate(List.of(JSON.readTree("{\"doc\": {}}"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void equalRulesAreEqual() throws Exception {
        assertThat(new JsonSchemaConstraint("doc", JSON.readTree("{}"), 0.9))
                .isEqualTo(new JsonSchemaConstraint("doc", JSON.readTree("{}"), 0.9))
                .hasSameHashCodeAs(new JsonSchemaConstraint("doc", JSON.readTree("{}"), 0.9));
    }
}
