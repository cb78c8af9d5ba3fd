package dev.plumbline.contract;

import static dev.plumbline.contract.JsonPath.field;
import static dev.plumbline.contract.JsonPath.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plumbline.contract.OdcsContract.QualityRule;
import dev.plumbline.contract.OdcsContract.Relationship;
import dev.plumbline.contract.OdcsContract.SchemaObject;
import dev.plumbline.contract.OdcsContract.SchemaProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Reads the parts of a contract that Plumbline enforces out of a document that passed the structural checks. */
final class ModelReader {

    private final LineIndex lines;

    ModelReader(LineIndex lines) {
        this.lines = lines;
    }

    OdcsContract read(JsonNode root) {
        return new OdcsContract(text(root, "apiVersion"), text(root, "id"), text(root, "name"),
                text(root, "version"), text(root, "status"), list(root, JsonPath.ROOT, "schema", this::schemaObject),
                root, lines);
    }

    private SchemaObject schemaObject(JsonNode object, String path) {
        return new SchemaObject(text(object, "name"), text(object, "physicalName"),
                list(object, path, "properties", this::property), path, lines.lineOf(path),
                list(object, path, "quality", this::qualityRule),
                list(object, path, "relationships", this::relationship));
    }

    private SchemaProperty property(JsonNode property, String path) {
        JsonNode options = property.get("logicalTypeOptions");
        return new SchemaProperty(text(property, "name"), text(property, "logicalType"),
                property.path("required").asBoolean(), property.path("unique").asBoolean(),
                property.path("primaryKey").asBoolean(),
                options == null ? JsonNodeFactory.instance.objectNode() : options,
                list(property, path, "quality", this::qualityRule), path, lines.lineOf(path),
                list(property, path, "relationships", this::relationship));
    }

    private Relationship relationship(JsonNode relationship, String path) {
        return new Relationship(relationship.path("type").asText("foreignKey"), relationship.get("from"),
                relationship.get("to"), path, lines.lineOf(path));
    }

    private QualityRule qualityRule(JsonNode rule, String path) {
        String metric = rule.has("metric") ? text(rule, "metric") : text(rule, "rule");
        return new QualityRule(QualityChecks.typeOf(rule), metric, text(rule, "engine"), rule, path,
                lines.lineOf(path));
    }

    private static <T> List<T> list(JsonNode parent, String parentPath, String field,
            BiFunction<JsonNode, String, T> reader) {
        JsonNode items = parent.path(field);
        List<T> read = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            read.add(reader.apply(items.get(i), item(field(parentPath, field), i)));
        }
        return List.copyOf(read);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
