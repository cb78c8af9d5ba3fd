package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * One column of a micro-batch decoded once into typed arrays: per row its kind (null, number, text, boolean or
 * other, as {@link ColumnValues} reads values), numbers as doubles and strings as they are, next to the JSON values
 * themselves. Constraints and analyzers scan these arrays instead of every row's Jackson node; where a double
 * could change a verdict, {@link #compare} falls back to the exact decimal. Shared: callers must not change it.
 */
public final class ColumnVector {

    public static final byte NULL = 0;
    public static final byte NUMBER = 1;
    public static final byte TEXT = 2;
    public static final byte BOOLEAN = 3;
    /** An array, an object or a non-finite number. */
    public static final byte OTHER = 4;

    private final JsonNode[] nodes;
    private final byte[] kinds;
    private double[] numbers;
    private String[] texts;
    private int nulls;

    ColumnVector(int size) {
        nodes = new JsonNode[size];
        kinds = new byte[size];
    }

    /** Decodes the values of a column in row order, as {@link ColumnValues#field} gives them. */
    public static ColumnVector of(JsonNode[] values) {
        ColumnVector vector = new ColumnVector(values.length);
        for (int i = 0; i < values.length; i++) {
            vector.decode(i, values[i]);
        }
        return vector;
    }

    void decode(int i, JsonNode value) {
        nodes[i] = value;
        if (ColumnValues.isNull(value)) {
            kinds[i] = NULL;
            nulls++;
        } else if (value.isTextual()) {
            kinds[i] = TEXT;
            texts()[i] = value.textValue();
        } else if (value.isBoolean()) {
            kinds[i] = BOOLEAN;
            numbers()[i] = value.booleanValue() ? 1.0 : 0.0;
        } else if (value.isNumber()) {
            double number = value.doubleValue();
            boolean finite = !value.isFloatingPointNumber() || Double.isFinite(number);
            kinds[i] = finite ? NUMBER : OTHER;
            numbers()[i] = number;
        } else {
            kinds[i] = OTHER;
        }
    }

    private double[] numbers() {
        if (numbers == null) {
            numbers = new double[nodes.length];
        }
        return numbers;
    }

    private String[] texts() {
        if (texts == null) {
            texts = new String[nodes.length];
        }
        return texts;
    }

    public int size() {
        return nodes.length;
    }

    /** The JSON values in row order; shared, not to be changed. */
    public JsonNode[] nodes() {
        return nodes;
    }

    public JsonNode node(int row) {
        return nodes[row];
    }

    public byte kind(int row) {
        return kinds[row];
    }

    public boolean isNull(int row) {
        return kinds[row] == NULL;
    }

    public int nulls() {
        return nulls;
    }

    /**
     * A number as the double nearest to it (a huge integer may round to infinity); a boolean as 1 or 0. Equal
     * decimals give equal doubles, and a smaller decimal never gives a larger double.
     */
    public double number(int row) {
        return numbers[row];
    }

    /** The exact value of a {@link #NUMBER}. */
    public BigDecimal decimal(int row) {
        return nodes[row].decimalValue();
    }

    /** A {@link #TEXT} value; null for any other kind. */
    public String text(int row) {
        return texts == null ? null : texts[row];
    }

    /**
     * Compares a {@link #NUMBER} with {@code bound} exactly: rounding to double keeps order, so doubles decide
     * unless they are equal, when the decimals do (0.10 equals 0.1; 0.1000000000000000001 is above it).
     */
    public int compare(int row, BigDecimal bound, double boundAsDouble) {
        double number = numbers[row];
        if (number < boundAsDouble) {
            return -1;
        }
        return number > boundAsDouble ? 1 : decimal(row).compareTo(bound);
    }
}
