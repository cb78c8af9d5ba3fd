package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One column of a micro-batch decoded once into typed arrays: per row its kind (null, number, text, boolean or
 * other, as {@link ColumnValues} reads values), numbers as doubles next to their exact value (an unscaled long and
 * a scale, or a {@code BigDecimal} where that does not fit), strings as they are or as ranges of their payload
 * ({@link #textSource}). Constraints and analyzers scan
 * these arrays; the JSON node of a value is made only when asked for (a failing value quoted in a reason). Where a
 * double could change a verdict, {@link #compare} falls back to the exact decimal. Shared: callers must not change
 * it. A large batch is decoded in row ranges on several threads into one vector: each thread sets its own rows, and
 * the arrays a kind of value needs are made once, under the vector's lock.
 */
public final class ColumnVector {

    public static final byte NULL = 0;
    public static final byte NUMBER = 1;
    public static final byte TEXT = 2;
    public static final byte BOOLEAN = 3;
    /** An array, an object or a non-finite number. */
    public static final byte OTHER = 4;

    /** The scale of a number whose exact value is not an unscaled long: it is in {@code exact} or its node. */
    private static final byte BIG = Byte.MIN_VALUE;
    // what allocate makes arrays for, besides the kinds above
    private static final int SLICE = 5;
    private static final int BIG_NUMBER = 6;
    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private final byte[] kinds;
    private volatile JsonNode[] nodes;
    private double[] numbers;
    private long[] units;
    private byte[] scales;
    private Object[] exact;
    private String[] texts;
    private TextSlices slices;
    // 1 where a NULL row holds JSON null rather than lacking the field
    private byte[] jsonNulls;
    private int nulls = -1;

    ColumnVector(int size) {
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
        if (ColumnValues.isNull(value)) {
            setNull(i, value != null && value.isNull());
        } else if (value.isTextual()) {
            setText(i, value.textValue());
        } else if (value.isBoolean()) {
            setBoolean(i, value.booleanValue());
        } else if (value.isInt() || value.isLong()) {
            setWhole(i, value.longValue());
        } else if (value.isNumber() && (!value.isFloatingPointNumber() || Double.isFinite(value.doubleValue()))) {
            setNumber(i, value.doubleValue(), BIG, 0, null);
        } else {
            setOther(i, value);
        }
        nodeCache()[i] = value;
    }

    void setNull(int i, boolean jsonNull) {
        set(i, NULL);
        if (jsonNull) {
            byte[] flags = jsonNulls;
            (flags != null ? flags : allocate(NULL).jsonNulls)[i] = 1;
        }
    }

    void setText(int i, String text) {
        set(i, TEXT);
        String[] strings = texts;
        (strings != null ? strings : allocate(TEXT).texts)[i] = text;
        if (slices != null) {
            slices.clear(i);
        }
    }

    /** A text that is {@code source[start, end)} character for character, kept as that range. */
    void setSlice(int i, String source, int start, int end) {
        set(i, TEXT);
        TextSlices ranges = slices;
        (ranges != null ? ranges : allocate(SLICE).slices).set(i, source, start, end);
        if (texts != null) {
            texts[i] = null;
        }
    }

    void setBoolean(int i, boolean value) {
        set(i, BOOLEAN);
        double[] values = numbers;
        (values != null ? values : allocate(NUMBER).numbers)[i] = value ? 1.0 : 0.0;
    }

    void setWhole(int i, long value) {
        setNumber(i, value, (byte) 0, value, null);
    }

    /** A number {@code unit} × 10^-{@code scale}, or with {@code scale} BIG the exact {@code big} value. */
    void setNumber(int i, double value, byte scale, long unit, Object big) {
        set(i, NUMBER);
        double[] values = numbers;
        long[] unscaled = units;
        byte[] scaled = scales;
        if (values == null || unscaled == null || scaled == null) {
            allocate(NUMBER);
            values = numbers;
            unscaled = units;
            scaled = scales;
        }
        values[i] = value;
        unscaled[i] = unit;
        scaled[i] = scale;
        if (big != null) {
            Object[] decimals = exact;
            (decimals != null ? decimals : allocate(BIG_NUMBER).exact)[i] = big;
        }
    }

    void setDecimal(int i, long unit, int scale) {
        setNumber(i, DecimalText.toDouble(unit, scale), (byte) scale, unit, null);
    }

    void setExact(int i, BigDecimal value) {
        setNumber(i, value.doubleValue(), BIG, 0, value);
        if (!Double.isFinite(numbers[i])) {
            setOther(i, JSON.numberNode(value));
        }
    }

    void setExact(int i, BigInteger value) {
        setNumber(i, value.doubleValue(), BIG, 0, value);
    }

    void setOther(int i, JsonNode value) {
        set(i, OTHER);
        nodeCache()[i] = value;
    }

    private void set(int i, byte kind) {
        kinds[i] = kind;
        // written only when it changes: the threads decoding one vector would otherwise fight over its cache line
        if (nulls != -1) {
            nulls = -1;
        }
        if (nodes != null) {
            nodes[i] = null;
        }
        if (jsonNulls != null) {
            jsonNulls[i] = 0;
        }
    }

    /** Makes the arrays that values of {@code kind} need, if no thread has yet; returns this vector. */
    private synchronized ColumnVector allocate(int kind) {
        int size = kinds.length;
        switch (kind) {
            case NULL -> jsonNulls = jsonNulls != null ? jsonNulls : new byte[size];
            case TEXT -> texts = texts != null ? texts : new String[size];
            case SLICE -> slices = slices != null ? slices : new TextSlices(size);
            case BIG_NUMBER -> exact = exact != null ? exact : new Object[size];
            default -> {
                numbers = numbers != null ? numbers : new double[size];
                units = units != null ? units : new long[size];
                scales = scales != null ? scales : new byte[size];
            }
        }
        return this;
    }

    // synchronized: constraints of a large batch run in parallel and ask for nodes (made once, then shared)
    private synchronized JsonNode[] nodeCache() {
        if (nodes == null) {
            nodes = new JsonNode[kinds.length];
        }
        return nodes;
    }

    public int size() {
        return kinds.length;
    }

    /** The JSON values in row order, as {@link ColumnValues#field} gives them; shared, not to be changed. */
    public JsonNode[] nodes() {
        for (int i = 0; i < kinds.length; i++) {
            node(i);
        }
        return nodes;
    }

    /** The value as {@link ColumnValues#field} gives it. */
    public JsonNode node(int row) {
        JsonNode node = nodes == null ? null : nodes[row];
        if (node == null) {
            node = makeNode(row);
            nodeCache()[row] = node;
        }
        return node;
    }

    private JsonNode makeNode(int row) {
        return switch (kinds[row]) {
            case NULL -> jsonNulls != null && jsonNulls[row] != 0 ? JSON.nullNode() : MissingNode.getInstance();
            case TEXT -> JSON.textNode(text(row));
            case BOOLEAN -> JSON.booleanNode(numbers[row] != 0.0);
            default -> scales[row] == 0 ? units[row] == (int) units[row] ? JSON.numberNode((int) units[row])
                    : JSON.numberNode(units[row]) : exact != null && exact[row] instanceof BigInteger whole ? JSON.numberNode(whole)
                    : JSON.numberNode(decimal(row));
        };
    }

    public byte kind(int row) {
        return kinds[row];
    }

    public boolean isNull(int row) {
        return kinds[row] == NULL;
    }

    public int nulls() {
        if (nulls < 0) {
            int count = 0;
            for (byte kind : kinds) {
                count += kind == NULL ? 1 : 0;
            }
            nulls = count;
        }
        return nulls;
    }

    /**
     * A number as the double nearest to it (a huge integer may round to infinity); a boolean as 1 or 0. Equal
     * decimals give equal doubles, and a smaller decimal never gives a larger double.
     */
    public double number(int row) {
        return numbers[row];
    }

    /** Whether a {@link #NUMBER} is an integer that fits a long, as {@link #whole} gives it. */
    public boolean isWhole(int row) {
        return kinds[row] == NUMBER && scales[row] == 0;
    }

    public long whole(int row) {
        return units[row];
    }

    /**
     * The scale of a {@link #NUMBER} whose exact value is {@link #unscaled} × 10^-scale, or -1 where it is held only
     * as a {@link #decimal} (an exponent, over 18 digits).
     */
    public int scale(int row) {
        return scales[row] == BIG ? -1 : scales[row];
    }

    /** The unscaled value of a {@link #NUMBER} whose {@link #scale} is not -1. */
    public long unscaled(int row) {
        return units[row];
    }

    /** The exact value of a {@link #NUMBER}. */
    public BigDecimal decimal(int row) {
        byte scale = scales[row];
        if (scale != BIG) {
            return BigDecimal.valueOf(units[row], scale);
        }
        Object value = exact == null ? null : exact[row];
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return value instanceof BigInteger whole ? new BigDecimal(whole) : nodes[row].decimalValue();
    }

    /** A {@link #TEXT} value; null for any other kind. A text kept as a range of its payload is made a string now. */
    public String text(int row) {
        if (kinds[row] != TEXT) {
            return null;
        }
        return slices != null && slices.has(row) ? slices.text(row) : texts[row];
    }

    /**
     * A {@link #TEXT} value without making a string of it: the string whose characters
     * [{@link #textStart}, {@link #textEnd}) are the text (its payload, or the text itself).
     */
    public String textSource(int row) {
        return slices != null && slices.has(row) ? slices.source(row) : texts[row];
    }

    public int textStart(int row) {
        return slices != null && slices.has(row) ? slices.start(row) : 0;
    }

    public int textEnd(int row) {
        return slices != null && slices.has(row) ? slices.end(row) : texts[row].length();
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

    /**
     * Compares two {@link #NUMBER}s exactly, as {@link #compare(int, BigDecimal, double)} does; where the doubles tie
     * and both are plain decimals of one scale, their unscaled values decide without making a decimal.
     */
    public int compare(int row, int other) {
        double number = numbers[row];
        double otherNumber = numbers[other];
        if (number != otherNumber) {
            return number < otherNumber ? -1 : 1;
        }
        if (scales[row] == scales[other] && scales[row] != BIG) {
            return Long.compare(units[row], units[other]);
        }
        return decimal(row).compareTo(decimal(other));
    }
}
