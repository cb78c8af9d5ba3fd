package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.validate.Check;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeConstraintTest {

    @Test
    void everyTypeJudgesAValueReadFromTextAsItJudgesItsNode() {
        List<String> payloads = List.of("{\"v\": 5}", "{\"v\": 5.0}", "{\"v\": 1e400}", "{\"v\": \"5\"}",
                "{\"v\": 123456789012345678901234567890}", "{\"v\": true}", "{\"v\": \"2024-03-14\"}",
                "{\"v\": \"2024-03-14T09:30:00Z\"}", "{\"v\": \"2024-03-14T09:30:00\"}", "{\"v\": \"09:30:00\"}",
                "{\"v\": \"09:30:00+01:00\"}", "{\"v\": [1]}", "{\"v\": {\"a\": 1}}", "{\"v\": -0.0}");
        Check check = new Check("types", List.of(new TypeConstraint("v", LogicalType.STRING)));
        ColumnVector values = ColumnValues.vector(check.rows(payloads, List.of()), "v");
        for (LogicalType type : LogicalType.values()) {
            for (int row = 0; row < payloads.size(); row++) {
                assertThat(type.matches(values, row)).as(type + " of " + payloads.get(row))
                        .isEqualTo(type.matches(values.node(row)));
            }
        }
    }

    @Test
    void integerAcceptsOnlyJsonIntegerTokens() {
        ConstraintResult result = new TypeConstraint("quantity", LogicalType.INTEGER)
                .evaluate(Rows.json("{'quantity': 5}", "{'quantity': 5.0}", "{'quantity': '5'}",
                        "{'quantity': 123456789012345678901234567890}"));

        assertThat(result.unexpected()).isEqualTo(2);
        assertThat(result.rowFailures()).containsOnlyKeys(1, 2);
        assertThat(result.rowFailures().get(1)).isEqualTo(new RowFailure(TypeConstraint.RULE, "quantity", "5.0",
                "quantity = 5.0 is not an integer"));
        assertThat(result.rowFailures().get(2).reason()).isEqualTo("quantity = \"5\" is not an integer");
        assertThat(result.observed()).isEqualTo("2 of 4 not of type integer (50%)");
    }

    @Test
    void numberAcceptsIntegersAndDecimalsButNotNumericStrings() {
        ConstraintResult result = new TypeConstraint("amount", LogicalType.NUMBER)
                .evaluate(Rows.column("amount", 1, 2.5, new BigInteger("99999999999999999999"), "3"));

        assertThat(result.rowFailures()).containsOnlyKeys(3);
        assertThat(result.rowFailures().get(3).reason()).isEqualTo("amount = \"3\" is not a number");
    }

    @Test
    void dateIsAnIsoCalendarDate() {
        ConstraintResult result = new TypeConstraint("order_date", LogicalType.DATE)
                .evaluate(Rows.column("order_date", "2024-03-14", "2024-02-30", "14/03/2024",
                        "2024-03-14T09:30:00Z", 20240314));

        assertThat(result.rowFailures()).containsOnlyKeys(1, 2, 3, 4);
        assertThat(result.rowFailures().get(1).reason())
                .isEqualTo("order_date = \"2024-02-30\" is not a date (yyyy-MM-dd)");
    }

    @Test
    void timestampAcceptsAnOffsetZuluOrNoOffset() {
        ConstraintResult result = new TypeConstraint("event_time", LogicalType.TIMESTAMP)
                .evaluate(Rows.column("event_time", "2024-03-14T09:30:00Z", "2024-03-14T09:30:00.123+02:00",
                        "2024-03-14T09:30:00", "2024-03-14 09:30:00", "2024-03-14", 1710408600));

        assertThat(result.rowFailures()).containsOnlyKeys(3, 4, 5);
        assertThat(result.rowFailures().get(3).reason()).isEqualTo(
                "event_time = \"2024-03-14 09:30:00\" is not a timestamp (ISO-8601, e.g. 2024-03-14T09:30:00Z)");
    }

    @Test
    void timeAcceptsLocalAndOffsetTimes() {
        ConstraintResult result = new TypeConstraint("opens_at", LogicalType.TIME)
                .evaluate(Rows.column("opens_at", "09:30", "09:30:15.5", "09:30:00+01:00", "9:30", "25:00"));

        assertThat(result.rowFailures()).containsOnlyKeys(3, 4);
    }

    @Test
    void stringsBooleansObjectsAndArraysAreTheirJsonKinds() {
        var rows = Rows.json("{'v': 'text'}", "{'v': true}", "{'v': {'a': 1}}", "{'v': [1, 2]}");

        assertThat(new TypeConstraint("v", LogicalType.STRING).evaluate(rows).rowFailures()).containsOnlyKeys(1, 2, 3);
        assertThat(new TypeConstraint("v", LogicalType.BOOLEAN).evaluate(rows).rowFailures()).containsOnlyKeys(0, 2, 3);
        assertThat(new TypeConstraint("v", LogicalType.OBJECT).evaluate(rows).rowFailures()).containsOnlyKeys(0, 1, 3);
        assertThat(new TypeConstraint("v", LogicalType.ARRAY).evaluate(rows).rowFailures()).containsOnlyKeys(0, 1, 2);
    }

    @Test
    void nullsAreSkippedByType() {
        ConstraintResult result = new TypeConstraint("v", LogicalType.STRING)
                .evaluate(Rows.column("v", "a", null, Rows.MISSING, 7));

        assertThat(result.evaluated()).isEqualTo(2);
        assertThat(result.unexpected()).isEqualTo(1);
        assertThat(result.observed()).isEqualTo("1 of 2 not of type string (50%)");
    }

    @Test
    void mostlyToleratesAFractionOfFailures() {
        var rows = Rows.column("v", 1, 2, 3, "four");

        assertThat(new TypeConstraint("v", LogicalType.INTEGER, 0.75).evaluate(rows).success()).isTrue();
        assertThat(new TypeConstraint("v", LogicalType.INTEGER, 0.8).evaluate(rows).success()).isFalse();
    }

    @Test
    void logicalTypesAreFoundByTheirOdcsName() {
        assertThat(LogicalType.of("timestamp")).contains(LogicalType.TIMESTAMP);
        assertThat(LogicalType.of("varchar")).isEmpty();
        assertThat(LogicalType.names())
                .isEqualTo("string, integer, number, boolean, date, timestamp, time, object, array");
    }
}
