package dev.plumbline.bench.deequ;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plumbline.contract.OdcsParser;
import dev.plumbline.validate.Check;
import dev.plumbline.validate.ContractChecks;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a W1 shape as the ODCS v3 contract a data owner would write (required on the properties, library
 * metrics, {@code engine: plumbline} expectations for the rest; uniqueness within the batch as the expectation,
 * since ODCS {@code unique} means unique across the dataset's history, which Deequ does not check) and compiles it the way Plumbline does:
 * YAML through {@link OdcsParser}, then {@link ContractChecks}.
 */
final class Contracts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private Contracts() {
    }

    static Check compile(Shape shape) throws Exception {
        return new ContractChecks().compile(new OdcsParser().parse(yaml(shape)));
    }

    static String yaml(Shape shape) throws Exception {
        Map<String, ObjectNode> properties = new LinkedHashMap<>();
        for (Column column : shape.columns()) {
            properties.put(column.name(), JSON.objectNode().put("name", column.name()));
        }
        for (Rule rule : shape.rules()) {
            ObjectNode property = properties.get(rule.column());
            switch (rule.kind()) {
                case COMPLETE -> property.put("required", true);
                default -> quality(property).add(quality(rule));
            }
        }
        ObjectNode dataset = JSON.objectNode().put("name", "w1").put("physicalType", "topic");
        properties.values().forEach(dataset.withArray("properties")::add);
        ObjectNode contract = JSON.objectNode().put("apiVersion", "v3.1.0").put("kind", "DataContract")
                .put("id", "urn:plumbline:bench:w1").put("name", "w1").put("version", "1.0.0")
                .put("status", "active");
        contract.withArray("schema").add(dataset);
        return new YAMLMapper().writeValueAsString(contract);
    }

    private static ArrayNode quality(ObjectNode property) {
        return property.withArray("quality");
    }

    private static ObjectNode quality(Rule rule) {
        return switch (rule.kind()) {
            case COMPLETENESS -> JSON.objectNode().put("type", "library").put("metric", "nullValues")
                    .put("mustBeLessOrEqualTo", BigDecimal.ONE.subtract(BigDecimal.valueOf(rule.low()))
                            .movePointRight(2)).put("unit", "percent");
            case IN_SET -> {
                ObjectNode library = JSON.objectNode().put("type", "library").put("metric", "invalidValues");
                rule.values().forEach(library.putObject("arguments").putArray("validValues")::add);
                yield library.put("mustBe", 0);
            }
            default -> expectation(rule);
        };
    }

    private static ObjectNode expectation(Rule rule) {
        ObjectNode custom = JSON.objectNode().put("type", "custom").put("engine", "plumbline");
        ObjectNode implementation = custom.putObject("implementation").put("type", rule.kind().expectation);
        ObjectNode kwargs = implementation.putObject("kwargs");
        switch (rule.kind()) {
            case REGEX -> kwargs.put("regex", rule.pattern());
            case MAX_LENGTH -> kwargs.put("max_value", (int) rule.high());
            case ROW_COUNT -> kwargs.put("min_value", (int) rule.low());
            case UNIQUE -> { }
            default -> kwargs.put("min_value", BigDecimal.valueOf(rule.low()))
                    .put("max_value", BigDecimal.valueOf(rule.high()));
        }
        return custom;
    }
}
