package dev.plumbline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadColumnsTest {

    private static final List<String> PAYLOADS = List.of(
            "{\"x\": 0.10, \"y\": \"a\"}", "{\"x\": -12.50}", "{\"x\": -0.0}", "{\"x\": 7}", "{\"x\": -2147483649}",
            "{\"x\": 123456789012345678901234567890}", "{\"x\": 1.5e3}", "{\"x\": 1e400}",
            "{\"x\": 0.1000000000000000001}", "{\"x\": 9007199254740993.5}", "{\"x\": null}", "{}",
            "{\"x\": true}", "{\"x\": false}", "{\"x\": \"text \\\"quoted\\\"\"}", "{\"x\": [1, {\"a\": 2.0}]}",
            "{\"x\": {\"b\": null}}", "[1, 2]", "\"just text\"", "{\"x\": 1, \"x\": \"later wins\"}",
            "{\"x\": \"first\", \"x\": null}", "{\"skip\": {\"deep\": [1, 2, {\"x\": 3}]}, \"x\": 123.456}");

    @Test
    void columnsReadFromPayloadsEqualThoseReadFromTrees() throws IOException {
        assertSameColumn(PAYLOADS);
    }

    @Test
    void aLargeBatchReadInRowRangesEqualsOneReadFromTrees() throws IOException {
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < BatchParallelism.MIN_ROWS * 2 + 7; i++) {
            // texts that do not repeat, so that both ranges keep some as ranges of their payloads
            payloads.add(i % 3 == 0 ? "{\"x\": \"row-" + i + "\"}" : PAYLOADS.get(i % PAYLOADS.size()));
        }
        assertSameColumn(payloads);
    }

    private static void assertSameColumn(List<String> payloads) throws IOException {
        List<JsonNode> trees = new ArrayList<>();
        for (String payload : payloads) {
            trees.add(RowReader.read(payload));
        }
        ColumnVector fromTrees = ColumnarRows.of(trees, List.of("x")).vector("x");
        ColumnVector fromText = ColumnarRows.parse(payloads, List.of("x")).vector("x");

        assertThat(fromText.nulls()).isEqualTo(fromTrees.nulls());
        for (int i = 0; i < payloads.size(); i++) {
            String row = payloads.get(i);
            assertThat(fromText.kind(i)).as(row).isEqualTo(fromTrees.kind(i));
            assertThat(fromText.node(i)).as(row).isEqualTo(fromTrees.node(i));
            assertThat(fromText.node(i).getClass()).as(row).isEqualTo(fromTrees.node(i).getClass());
            assertThat(fromText.text(i)).as(row).isEqualTo(fromTrees.text(i));
            if (fromTrees.kind(i) == ColumnVector.NUMBER || fromTrees.kind(i) == ColumnVector.BOOLEAN) {
                assertThat(fromText.number(i)).as(row).isEqualTo(fromTrees.number(i));
            }
            if (fromTrees.kind(i) == ColumnVector.NUMBER) {
                assertThat(fromText.decimal(i)).as(row).isEqualTo(fromTrees.decimal(i));
                assertThat(fromText.isWhole(i)).as(row).isEqualTo(fromTrees.isWhole(i));
            }
        }
    }

    @Test
    void plainDecimalsBecomeTheNodesATreeHolds() {
        ColumnVector values = ColumnarRows.parse(List.of("{\"x\": 1.50}", "{\"x\": 2}"), List.of("x")).vector("x");

        assertThat(values.node(0).decimalValue()).isEqualTo(new java.math.BigDecimal("1.50"));
        assertThat(values.node(1).isInt()).isTrue();
    }

    @Test
    void rowsAreReadWholeOnlyWhenAsked() throws IOException {
        List<JsonNode> rows = ColumnarRows.parse(PAYLOADS, List.of("y"));

        assertThat(rows).hasSize(PAYLOADS.size());
        assertThat(rows.get(0)).isEqualTo(RowReader.read(PAYLOADS.get(0)));
        assertThat(ColumnValues.column(rows, "x")[21]).isEqualTo(RowReader.read(PAYLOADS.get(21)).get("x"));
        assertThat(ColumnValues.vector(rows, "y").text(0)).isEqualTo("a");
    }

    @Test
    void plainDecimalsGiveTheDoubleBigDecimalGives() {
        long[] unit = new long[1];
        for (String text : List.of("0.1", "-12.345", "3.141592653589793", "999999999999999.99", "0.000001",
                "123456789.123456789", "1.0")) {
            int scale = DecimalText.unscaled(text.toCharArray(), 0, text.length(), unit);
            assertThat(java.math.BigDecimal.valueOf(unit[0], scale)).isEqualTo(new java.math.BigDecimal(text));
            assertThat(DecimalText.toDouble(unit[0], scale)).as(text)
                    .isEqualTo(new java.math.BigDecimal(text).doubleValue());
        }
        assertThat(DecimalText.unscaled("1e5".toCharArray(), 0, 3, unit)).isEqualTo(DecimalText.NOT_PLAIN);
        assertThat(DecimalText.unscaled("1234567890.1234567890".toCharArray(), 0, 21, unit))
                .isEqualTo(DecimalText.NOT_PLAIN);
    }
}
