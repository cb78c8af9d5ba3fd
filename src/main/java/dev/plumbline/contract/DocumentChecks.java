package dev.plumbline.contract;

import static dev.plumbline.contract.JsonPath.ROOT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/** Checks the top level of an ODCS document: its required fields, the standard's version and kind, the schema. */
final class DocumentChecks {

    private static final List<String> REQUIRED = List.of("apiVersion", "kind", "id", "version", "status");
    private static final Pattern API_VERSION = Pattern.compile("v3\\.[01]\\.\\d+");
    private static final String KIND = "DataContract";

    private final Problems problems;
    private final SchemaChecks schema;
    private final CustomPropertiesCheck customProperties;

    DocumentChecks(Problems problems) {
        this.problems = problems;
        this.schema = new SchemaChecks(problems);
        this.customProperties = new CustomPropertiesCheck(problems);
    }

    void check(JsonNode root) {
        if (!problems.isObject(root, ROOT)) {
            return;
        }
        REQUIRED.forEach(field -> problems.requiredText(root, field, ROOT));
        problems.optionalText(root, "name", ROOT);
        checkValue(root, "apiVersion", API_VERSION.matcher(root.path("apiVersion").asText()).matches(),
                "must be v3.0.x or v3.1.x");
        checkValue(root, "kind", KIND.equals(root.path("kind").asText()), "must be \"" + KIND + "\"");
        customProperties.check(root, ROOT);
        JsonNode objects = problems.required(root, "schema", ROOT);
        if (objects != null) {
            schema.check(objects, "schema");
        }
    }

    private void checkValue(JsonNode root, String field, boolean valid, String expectation) {
        JsonNode value = root.path(field);
        if (value.isTextual() && !valid) {
            problems.at(field, field + " " + expectation + ", found \"" + value.asText() + "\"");
        }
    }
}
