package dev.plumbline.contract;

import static dev.plumbline.contract.JsonPath.field;
import static dev.plumbline.contract.JsonPath.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks the schema objects of a contract and their properties: names, logical types, flags, quality lists. */
final class SchemaChecks {

    static final List<String> LOGICAL_TYPES = List.of("string", "date", "timestamp", "time", "number", "integer",
            "object", "array", "boolean");
    private static final List<String> FLAGS = List.of("required", "unique", "primaryKey", "partitioned",
            "criticalDataElement");
    private static final List<String> NUMERIC_OPTIONS = List.of("minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf");

    private final Problems problems;
    private final QualityChecks quality;
    private final CustomPropertiesCheck customProperties;

    SchemaChecks(Problems problems) {
        this.problems = problems;
        this.quality = new QualityChecks(problems);
        this.customProperties = new CustomPropertiesCheck(problems);
    }

    void check(JsonNode schema, String path) {
        if (!problems.isList(schema, path)) {
            return;
        }
        if (schema.isEmpty()) {
            problems.at(path, "schema must list at least one object");
        }
        for (int i = 0; i < schema.size(); i++) {
            checkObject(schema.get(i), item(path, i));
        }
    }

    private void checkObject(JsonNode object, String path) {
        if (!problems.isObject(object, path)) {
            return;
        }
        problems.requiredText(object, "name", path);
        problems.optionalText(object, "physicalName", path);
        customProperties.check(object, path);
        quality.check(object, path);
        checkRelationships(object, path);
        checkProperties(object, path);
    }

    private void checkProperties(JsonNode parent, String parentPath) {
        String path = field(parentPath, "properties");
        JsonNode properties = parent.get("properties");
        if (properties == null || !problems.isList(properties, path)) {
            return;
        }
        Map<String, Integer> firstLines = new HashMap<>();
        for (int i = 0; i < properties.size(); i++) {
            checkProperty(properties.get(i), item(path, i));
            checkNameIsNew(properties.get(i).path("name"), field(item(path, i), "name"), firstLines);
        }
    }

    private void checkProperty(JsonNode property, String path) {
        if (!problems.isObject(property, path)) {
            return;
        }
        problems.requiredText(property, "name", path);
        FLAGS.forEach(flag -> problems.optionalBoolean(property, flag, path));
        checkLogicalType(property, path);
        customProperties.check(property, path);
        quality.check(property, path);
        checkRelationships(property, path);
        checkProperties(property, path);
    }

    /** A list of objects; what each says (and whether Plumbline can enforce it) is the rule linter's business. */
    private void checkRelationships(JsonNode parent, String parentPath) {
        String path = field(parentPath, "relationships");
        JsonNode relationships = parent.get("relationships");
        if (relationships == null || !problems.isList(relationships, path)) {
            return;
        }
        for (int i = 0; i < relationships.size(); i++) {
            problems.isObject(relationships.get(i), item(path, i));
        }
    }

    private void checkLogicalType(JsonNode property, String path) {
        JsonNode type = property.get("logicalType");
        if (type != null) {
            problems.oneOf(type, field(path, "logicalType"), "logicalType", LOGICAL_TYPES);
        }
        JsonNode options = property.get("logicalTypeOptions");
        String optionsPath = field(path, "logicalTypeOptions");
        if (options == null || !problems.isObject(options, optionsPath) || !isNumeric(type)) {
            return;
        }
        for (String option : NUMERIC_OPTIONS) {
            if (options.has(option)) {
                problems.isNumber(options.get(option), field(optionsPath, option));
            }
        }
    }

    private void checkNameIsNew(JsonNode name, String path, Map<String, Integer> firstLines) {
        if (!name.isTextual()) {
            return;
        }
        Integer first = firstLines.putIfAbsent(name.asText(), problems.lineOf(path));
        if (first != null) {
            problems.at(path, "duplicate property name \"" + name.asText() + "\" (first at line " + first + ")");
        }
    }

    private static boolean isNumeric(JsonNode type) {
        return type != null && (type.asText().equals("number") || type.asText().equals("integer"));
    }
}
