package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a micro-batch of JSON objects, and the result of a table-level rule. A batch's columns are the
 * union of its rows' field names in first-seen order (a field holding null counts: the column exists).
 */
final class TableShape {

    private TableShape() {
    }

    static List<String> columns(List<JsonNode> rows) {
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            if (row != null && row.isObject()) {
                row.fieldNames().forEachRemaining(columns::add);
            }
        }
        return new ArrayList<>(columns);
    }

    static ArrayNode names(List<String> columns) {
        ArrayNode names = JsonNodeFactory.instance.arrayNode();
        columns.forEach(names::add);
        return names;
    }

    /**
     * A table-level rule judges the batch, not its records: one evaluation, no failing rows to quarantine, and
     * its measurement as {@code observed_value}.
     */
    static ConstraintResult result(Constraint constraint, boolean success, String observed, JsonNode observedValue) {
        return new ConstraintResult(constraint.rule(), constraint.column(), 1.0, 1, success ? 0 : 1, success,
                observed, observedValue, Map.of());
    }
}
