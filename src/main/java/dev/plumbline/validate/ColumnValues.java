package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * How analyzers and constraints read the values of a column: a missing field and JSON null are null; numbers
 * compare numerically (1 equals 1.0); booleans count as 1 and 0 where pandas would read a number.
 */
public final class ColumnValues {

    /** Orders value keys: numbers, then strings, then booleans, then anything else by its JSON text. */
    public static final Comparator<Object> KEY_ORDER = Comparator.comparingInt(ColumnValues::rank)
            .thenComparing((a, b) -> compareSameRank(a, b));

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private ColumnValues() {
    }

    public static JsonNode field(JsonNode row, String column) {
        return row == null ? MissingNode.getInstance() : row.path(column);
    }

    /**
     * The values of one column of a batch in row order, as {@link #field} gives them: read once per batch when
     * {@link Check} handed the constraint its rows, otherwise read now. Shared: callers must not change it.
     */
    public static JsonNode[] column(List<JsonNode> rows, String column) {
        return rows instanceof ColumnarRows columnar ? columnar.vector(column).nodes() : read(rows, column);
    }

    /** The column of a batch decoded into typed arrays: once per batch under {@link Check}, else now. Shared. */
    public static ColumnVector vector(List<JsonNode> rows, String column) {
        return rows instanceof ColumnarRows columnar ? columnar.vector(column) : ColumnVector.of(read(rows, column));
    }

    static JsonNode[] read(List<JsonNode> rows, String column) {
        JsonNode[] values = new JsonNode[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = field(rows.get(i), column);
        }
        return values;
    }

    public static boolean isNull(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull();
    }

    /** The value as a number: finite numbers, and booleans as 1 or 0; null for anything else. */
    public static BigDecimal number(JsonNode value) {
        if (value != null && value.isBoolean()) {
            return value.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return decimal(value);
    }

    /** The value if it is a finite JSON number (booleans are not); null for anything else. */
    public static BigDecimal decimal(JsonNode value) {
        if (value == null || !value.isNumber()
                || (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue()))) {
            return null;
        }
        return value.decimalValue();
    }

    /** A key under which equal values count together: numbers by value, strings, booleans, others by structure. */
    public static Object key(JsonNode value) {
        BigDecimal number = decimal(value);
        if (number != null) {
            return number.stripTrailingZeros();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.isBoolean() ? (Object) value.booleanValue() : new Other(value);
    }

    public static JsonNode json(Object key) {
        if (key instanceof BigDecimal number) {
            if (number.scale() > 0 || number.precision() - number.scale() > 18) {
                return JSON.numberNode(number);
            }
            long whole = number.longValueExact();
            return whole == (int) whole ? JSON.numberNode((int) whole) : JSON.numberNode(whole);
        }
        if (key instanceof String text) {
            return JSON.textNode(text);
        }
        if (key instanceof Boolean flag) {
            return JSON.booleanNode(flag);
        }
        return JSON.textNode(key.toString());
    }

    public static JsonNode json(double number) {
        return JSON.numberNode(number);
    }

    private static int rank(Object key) {
        if (key instanceof BigDecimal) {
            return 0;
        }
        if (key instanceof String) {
            return 1;
        }
        return key instanceof Boolean ? 2 : 3;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareSameRank(Object a, Object b) {
        return a instanceof Comparable comparable ? comparable.compareTo(b) : a.toString().compareTo(b.toString());
    }

    /** A value that is neither number, string nor boolean (an array, object or non-finite number). */
    private record Other(JsonNode value) implements Comparable<Other> {
        @Override
        public int compareTo(Other other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }
}
