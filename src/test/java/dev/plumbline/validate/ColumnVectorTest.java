package dev.plumbline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plumbline.validate.analyzers.Maximum;
import dev.plumbline.validate.analyzers.Mean;
import dev.plumbline.validate.analyzers.Minimum;
import dev.plumbline.validate.analyzers.Sum;
import dev.plumbline.validate.constraints.BetweenConstraint;
import dev.plumbline.validate.constraints.Bounds;
import dev.plumbline.validate.constraints.MetricBetweenConstraint;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ColumnVectorTest {

    // as the micro-batch runner reads records: decimals exact
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private static List<JsonNode> rows(String... values) {
        return IntStream.range(0, values.length).mapToObj(i -> read("{\"x\": " + values[i] + "}")).toList();
    }

    private static JsonNode read(String json) {
        try {
            return EXACT.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    @Test
    void twoNumbersCompareAsTheirDecimalsWhereTheirDoublesTie() {
        List<String> numbers = List.of("9007199254740993.5", "9007199254740994.0", "0.10", "0.1",
                "0.1000000000000000001", "-0.0", "0", "123456789012345678901234567890", "1e2", "100", "2.5", "-3");
        List<String> payloads = numbers.stream().map(number -> "{\"x\": " + number + "}").toList();
        ColumnVector values = ColumnarRows.parse(payloads, List.of("x")).vector("x");
        for (int a = 0; a < numbers.size(); a++) {
            for (int b = 0; b < numbers.size(); b++) {
                int expected = Integer.signum(new java.math.BigDecimal(numbers.get(a))
                        .compareTo(new java.math.BigDecimal(numbers.get(b))));
                assertThat(Integer.signum(values.compare(a, b))).as(numbers.get(a) + " vs " + numbers.get(b))
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void decodesEachValueIntoItsKindWithNumbersAsDoublesAndBooleansAsOneAndZero() {
        ColumnVector vector = ColumnValues.vector(rows("null", "1.5", "\"a\"", "true", "[1]", "7"), "x");

        assertThat(IntStream.range(0, 6).map(vector::kind).toArray()).containsExactly(ColumnVector.NULL,
                ColumnVector.NUMBER, ColumnVector.TEXT, ColumnVector.BOOLEAN, ColumnVector.OTHER, ColumnVector.NUMBER);
        assertThat(vector.nulls()).isEqualTo(1);
        assertThat(vector.number(1)).isEqualTo(1.5);
        assertThat(vector.number(3)).isEqualTo(1.0);
        assertThat(vector.text(2)).isEqualTo("a");
        assertThat(vector.text(1)).isNull();
    }

    @Test
    void comparesDecimalsExactlyWhereTheirDoublesTie() {
        ColumnVector vector = ColumnValues.vector(rows("0.10", "0.1000000000000000001", "0.0999999999999999999"),
                "x");
        BigDecimal bound = new BigDecimal("0.1");

        assertThat(vector.number(0)).isEqualTo(vector.number(1)).isEqualTo(vector.number(2));
        assertThat(vector.compare(0, bound, 0.1)).isZero();
        assertThat(vector.compare(1, bound, 0.1)).isPositive();
        assertThat(vector.compare(2, bound, 0.1)).isNegative();
    }

    @Test
    void valuesThatOnlyTheirDecimalsTellApartKeepTheirVerdictsAndExtremes() {
        List<JsonNode> batch = rows("0.1000000000000000001", "0.10", "0.0999999999999999999", "9223372036854775807",
                "9223372036854775807");

        ConstraintResult between = new BetweenConstraint("x", null, new BigDecimal("0.1")).evaluate(batch);

        assertThat(between.rowFailures()).containsOnlyKeys(0, 3, 4);
        assertThat(new Minimum("x").calculate(batch).value().decimalValue())
                .isEqualByComparingTo("0.0999999999999999999");
        assertThat(new Maximum("x").calculate(batch).value().decimalValue()).isEqualByComparingTo("9223372036854775807");
        assertThat(new Sum("x").calculate(batch).value())
                .isEqualByComparingTo("18446744073709551614.3");
    }

    @Test
    void checkOnDecodedColumnsJudgesAsEachConstraintOnPlainRows() {
        List<JsonNode> batch = rows("1", "2.50", "null", "\"x\"", "false", "-0.0", "0");
        List<Constraint> constraints = List.of(new BetweenConstraint("x", BigDecimal.ZERO, new BigDecimal("2.5")),
                new MetricBetweenConstraint("expect_column_mean_to_be_between", "x", "mean", new Mean("x"),
                        Bounds.unbounded()));

        VerificationResult result = new Check("decoded", constraints).run(batch);

        assertThat(result.constraintResults()).containsExactlyElementsOf(constraints.stream()
                .map(constraint -> constraint.evaluate(batch)).toList());
    }
}
