package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a rule over several columns of each record. A row that {@link IgnoreRowIf} skips is not evaluated; the
 * failing value of a row is an object of its columns' values ({@code {"a": 1, "b": null}}), or for a column
 * pair the array {@code [a, b]}, as Great Expectations lists them.
 */
final class RecordValues {

    private RecordValues() {
    }

    static ObjectNode of(JsonNode row, List<String> columns) {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        for (String column : columns) {
            JsonNode value = ColumnValues.field(row, column);
            values.set(column, ColumnValues.isNull(value) ? NullNode.getInstance() : value);
        }
        return values;
    }

    private static ArrayNode inOrder(ObjectNode values, List<String> columns) {
        ArrayNode pair = JsonNodeFactory.instance.arrayNode();
        columns.forEach(column -> pair.add(values.get(column)));
        return pair;
    }

    /**
     * {@code problem} says what is wrong with a record's values (in column order) or gives null; {@code failing}
     * completes the summary "2 of 9 …".
     */
    static ConstraintResult judge(Constraint constraint, List<String> columns, IgnoreRowIf ignore, boolean asPair,
            double mostly, List<JsonNode> rows, Function<ObjectNode, String> problem, String failing) {
        Tally tally = new Tally(constraint);
        for (int i = 0; i < rows.size(); i++) {
            ObjectNode values = of(rows.get(i), columns);
            long missing = columns.stream().filter(column -> values.get(column).isNull()).count();
            if (ignore.ignores(missing, columns.size())) {
                continue;
            }
            String wrong = problem.apply(values);
            if (wrong == null) {
                tally.expected();
            } else {
                JsonNode shown = asPair ? inOrder(values, columns) : values;
                tally.unexpected(i, shown, JsonValues.shortJson(shown) + ": " + wrong);
            }
        }
        return tally.result(mostly, ColumnMap.summary(tally, failing));
    }
}
