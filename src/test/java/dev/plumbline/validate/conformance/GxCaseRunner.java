package dev.plumbline.validate.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.ExpectationRegistry;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.constraints.ConditionalConstraint;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds one fixture case's rule through the production registry, runs it on the case's batch and compares what
 * Great Expectations expects: {@code success}, {@code unexpected_list} (as a multiset), {@code unexpected_index_list}
 * (row indices, plain or as {@code pk_index}), {@code observed_value} (numbers within a small relative tolerance, or
 * the case's own {@code tolerance} as GX's test runner applies it), {@code element_count} (rows in the rule's domain,
 * after any {@code row_condition}),
 * {@code traceback_substring} (building or running must fail), and those fields again inside {@code result}.
 * Expected keys Plumbline reports no counterpart for are listed, not compared.
 */
final class GxCaseRunner {

    private static final int PARTIAL = 20;

    private GxCaseRunner() {
    }

    static GxOutcome run(GxCase gxCase) {
        JsonNode out = gxCase.out();
        Set<String> notCompared = new TreeSet<>();
        ConstraintResult result;
        List<JsonNode> domain;
        try {
            Constraint rule = ExpectationRegistry.build(gxCase.expectationType(), gxCase.in(), gxCase.columns());
            domain = rule instanceof ConditionalConstraint conditional ? conditional.domain(gxCase.rows())
                    : gxCase.rows();
            result = rule.evaluate(gxCase.rows());
        } catch (RuntimeException e) {
            boolean expected = out.has("traceback_substring") || out.isEmpty();
            return new GxOutcome(gxCase, expected ? null : "raised " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), notCompared);
        }
        if (out.has("traceback_substring")) {
            return new GxOutcome(gxCase, "expected an error (\"" + out.get("traceback_substring").asText()
                    + "\"), but the rule ran: success " + result.success(), notCompared);
        }
        List<String> differences = new ArrayList<>();
        compare(out, new Actual(result, domain.size(), gxCase.tolerance()), differences, notCompared, "");
        return new GxOutcome(gxCase, differences.isEmpty() ? null : String.join("; ", differences), notCompared);
    }

    /** What the rule gave, with the size of its domain (rows after any row condition) and the case's tolerance. */
    private record Actual(ConstraintResult result, int elementCount, double tolerance) {
    }

    private static void compare(JsonNode expected, Actual actual, List<String> differences, Set<String> notCompared,
            String prefix) {
        expected.fieldNames().forEachRemaining(key -> {
            JsonNode want = expected.get(key);
            JsonNode got = actual(key, actual);
            if (key.equals("result") && want.isObject()) {
                compare(want, actual, differences, notCompared, "result.");
            } else if (got == null) {
                notCompared.add(prefix + key);
            } else if (!matches(key, want, got, actual.tolerance())) {
                differences.add(prefix + key + " expected " + shorten(want) + ", got " + shorten(got));
            }
        });
    }

    private static JsonNode actual(String key, Actual actual) {
        ConstraintResult result = actual.result();
        return switch (key) {
            case "success" -> GxFixtures.JSON.getNodeFactory().booleanNode(result.success());
            case "observed_value" -> result.observedValue() == null ? GxFixtures.JSON.getNodeFactory().nullNode()
                    : result.observedValue();
            case "unexpected_list" -> array(unexpectedValues(result));
            case "partial_unexpected_list" -> array(unexpectedValues(result).stream().limit(PARTIAL).toList());
            case "unexpected_index_list" -> array(result.rowFailures().keySet().stream()
                    .map(index -> (JsonNode) IntNode.valueOf(index)).toList());
            case "unexpected_count" -> IntNode.valueOf(result.unexpected());
            case "element_count" -> IntNode.valueOf(actual.elementCount());
            default -> null;
        };
    }

    private static boolean matches(String key, JsonNode want, JsonNode got, double tolerance) {
        return switch (key) {
            case "unexpected_list", "partial_unexpected_list" -> JsonMatch.sameMultiset(list(want), list(got));
            case "unexpected_index_list" -> JsonMatch.sameMultiset(list(indices(want)), list(got));
            case "observed_value" -> JsonMatch.equal(want, got, tolerance);
            default -> JsonMatch.equal(want, got, 0.0);
        };
    }

    /** GX lists failing rows as indices, or as objects with the row's values and its {@code pk_index}. */
    private static JsonNode indices(JsonNode want) {
        List<JsonNode> indices = new ArrayList<>();
        want.forEach(item -> indices.add(item.isObject() ? item.path("pk_index") : item));
        return array(indices);
    }

    private static List<JsonNode> unexpectedValues(ConstraintResult result) {
        return result.rowFailures().values().stream().map(RowFailure::value).map(GxCaseRunner::parse).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return GxFixtures.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode array(List<JsonNode> values) {
        return GxFixtures.JSON.createArrayNode().addAll(values);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> values = new ArrayList<>();
        array.forEach(values::add);
        return values;
    }

    private static String shorten(JsonNode value) {
        String text = value.toString();
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }
}
