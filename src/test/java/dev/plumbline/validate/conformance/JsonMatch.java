package dev.plumbline.validate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** JSON equality as the harness compares: numbers by value (1 equals 1.0), optionally within a relative tolerance. */
final class JsonMatch {

    static final double OBSERVED_TOLERANCE = 1e-9;

    private JsonMatch() {
    }

    static boolean equal(JsonNode expected, JsonNode actual, double tolerance) {
        if (expected == null || actual == null) {
            return isNull(expected) && isNull(actual);
        }
        if (expected.isNumber() && actual.isNumber()) {
            return numbersEqual(expected, actual, tolerance);
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!equal(expected.get(i), actual.get(i), tolerance)) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            Iterator<String> names = expected.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!actual.has(name) || !equal(expected.get(name), actual.get(name), tolerance)) {
                    return false;
                }
            }
            return true;
        }
        return isNull(expected) ? isNull(actual) : expected.equals(actual);
    }

    /** The lists hold the same values as many times each, in any order. */
    static boolean sameMultiset(List<JsonNode> expected, List<JsonNode> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        List<JsonNode> remaining = new ArrayList<>(actual);
        for (JsonNode value : expected) {
            int match = -1;
            for (int i = 0; i < remaining.size() && match < 0; i++) {
                match = equal(value, remaining.get(i), 0.0) ? i : -1;
            }
            if (match < 0) {
                return false;
            }
            remaining.remove(match);
        }
        return true;
    }

    private static boolean numbersEqual(JsonNode expected, JsonNode actual, double tolerance) {
        if (tolerance == 0.0) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        double x = expected.doubleValue();
        double y = actual.doubleValue();
        return Math.abs(x - y) <= tolerance * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }

    private static boolean isNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}
