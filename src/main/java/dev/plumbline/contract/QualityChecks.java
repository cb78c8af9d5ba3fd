package dev.plumbline.contract;

import static dev.plumbline.contract.JsonPath.field;
import static dev.plumbline.contract.JsonPath.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Checks the quality rules of a schema object or property: each rule's type and the fields that type needs. */
final class QualityChecks {

    static final List<String> TYPES = List.of("text", "library", "sql", "custom");
    static final List<String> METRICS = List.of("nullValues", "missingValues", "invalidValues", "duplicateValues",
            "rowCount");
    static final List<String> OPERATORS = List.of("mustBe", "mustNotBe", "mustBeGreaterThan",
            "mustBeGreaterOrEqualTo", "mustBeLessThan", "mustBeLessOrEqualTo", "mustBeBetween", "mustNotBeBetween");

    private final Problems problems;

    QualityChecks(Problems problems) {
        this.problems = problems;
    }

    /** The rule's type, {@code library} when none is written, as in the standard. */
    static String typeOf(JsonNode rule) {
        return rule.path("type").asText("library");
    }

    void check(JsonNode parent, String parentPath) {
        String path = field(parentPath, "quality");
        JsonNode rules = parent.get("quality");
        if (rules == null || !problems.isList(rules, path)) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            checkRule(rules.get(i), item(path, i));
        }
    }

    private void checkRule(JsonNode rule, String path) {
        if (!problems.isObject(rule, path)) {
            return;
        }
        if (rule.has("type") && !problems.oneOf(rule.get("type"), field(path, "type"), "type", TYPES)) {
            return;
        }
        switch (typeOf(rule)) {
            case "library" -> checkLibrary(rule, path);
            case "sql" -> {
                problems.requiredText(rule, "query", path);
                checkOperators(rule, path);
            }
            case "custom" -> checkCustom(rule, path);
            default -> { }
        }
    }

    private void checkLibrary(JsonNode rule, String path) {
        if (rule.has("metric")) {
            problems.oneOf(rule.get("metric"), field(path, "metric"), "metric", METRICS);
        } else if (rule.has("rule")) {
            problems.isText(rule.get("rule"), field(path, "rule"));
        } else {
            problems.required(rule, "metric", path);
        }
        if (rule.has("arguments")) {
            problems.isObject(rule.get("arguments"), field(path, "arguments"));
        }
        checkOperators(rule, path);
    }

    private void checkCustom(JsonNode rule, String path) {
        problems.requiredText(rule, "engine", path);
        JsonNode implementation = problems.required(rule, "implementation", path);
        if (implementation != null) {
            problems.expect(implementation.isTextual() || implementation.isObject(), "a string or an object",
                    implementation, field(path, "implementation"));
        }
    }

    private void checkOperators(JsonNode rule, String path) {
        List<String> operators = new ArrayList<>();
        rule.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("mustBe") || name.startsWith("mustNotBe")) {
                operators.add(name);
            }
        });
        if (operators.size() > 1) {
            problems.at(path, "a rule takes at most one operator, found " + String.join(", ", operators));
        }
        for (String operator : operators) {
            checkOperand(operator, rule.get(operator), field(path, operator));
        }
    }

    private void checkOperand(String operator, JsonNode operand, String path) {
        if (!OPERATORS.contains(operator)) {
            problems.at(path, "operator \"" + operator + "\" is not one of: " + String.join(", ", OPERATORS));
        } else if (operator.endsWith("Between")) {
            boolean pair = operand.isArray() && operand.size() == 2 && operand.get(0).isNumber()
                    && operand.get(1).isNumber();
            problems.expect(pair, "a list of two numbers", operand, path);
        } else if (!operator.equals("mustBe") && !operator.equals("mustNotBe")) {
            problems.isNumber(operand, path);
        }
    }
}
