package dev.plumbline.bench.deequ;

import java.util.List;
import java.util.Objects;

/**
 * One check of a W1 shape, stated once and rendered for both engines: as an ODCS rule for Plumbline
 * ({@link Contracts}) and as a Deequ constraint ({@link DeequChecks}). {@code low} and {@code high} bound the
 * values or the metric; {@code values} is an allowed set; {@code pattern} a regular expression.
 */
record Rule(Kind kind, String column, double low, double high, List<String> values, String pattern) {

    /** The checks W1 uses, each with the Great Expectations name Plumbline reports it under. */
    enum Kind {
        COMPLETE("expect_column_values_to_not_be_null"),
        COMPLETENESS("expect_column_values_to_not_be_null"),
        UNIQUE("expect_column_values_to_be_unique"),
        BETWEEN("expect_column_values_to_be_between"),
        IN_SET("expect_column_values_to_be_in_set"),
        REGEX("expect_column_values_to_match_regex"),
        MAX_LENGTH("expect_column_value_lengths_to_be_between"),
        MIN("expect_column_min_to_be_between"),
        MAX("expect_column_max_to_be_between"),
        MEAN("expect_column_mean_to_be_between"),
        STDEV("expect_column_stdev_to_be_between"),
        MEDIAN("expect_column_median_to_be_between"),
        DISTINCT_COUNT("expect_column_unique_value_count_to_be_between"),
        ROW_COUNT("expect_table_row_count_to_be_between");

        final String expectation;

        Kind(String expectation) {
            this.expectation = expectation;
        }
    }

    Rule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(column, "column");
        values = values == null ? List.of() : List.copyOf(values);
    }

    static Rule of(Kind kind, String column) {
        return new Rule(kind, column, Double.NaN, Double.NaN, null, null);
    }

    static Rule bounded(Kind kind, String column, double low, double high) {
        return new Rule(kind, column, low, high, null, null);
    }

    static Rule inSet(String column, List<String> values) {
        return new Rule(Kind.IN_SET, column, Double.NaN, Double.NaN, values, null);
    }

    static Rule regex(String column, String pattern) {
        return new Rule(Kind.REGEX, column, Double.NaN, Double.NaN, null, pattern);
    }

    /** How Plumbline's result for this rule is found: its expectation name and column (null for the table). */
    String key() {
        return kind.expectation + "(" + (kind == Kind.ROW_COUNT ? "" : column) + ")";
    }

    boolean within(double value) {
        return value >= low && value <= high;
    }
}
