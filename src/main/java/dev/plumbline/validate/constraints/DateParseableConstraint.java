package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code expect_column_values_to_be_dateutil_parseable}: the non-null values of the column are strings that read
 * as a date or date-time. Python's {@code dateutil} guesses almost any layout; Plumbline accepts the common ones
 * ({@link #LAYOUTS}: ISO-8601, US month/day/year, day.month.year, month names, compact yyyyMMdd), which covers
 * the layouts data feeds use without accepting every string that happens to contain a number. A value that is
 * not a string is unexpected.
 */
public record DateParseableConstraint(String column, double mostly) implements Constraint {

    public static final String RULE = "expect_column_values_to_be_dateutil_parseable";

    static final List<String> LAYOUTS = List.of("uuuu-M-d", "uuuu-M-d['T'][' ']H:m[:s][.SSSSSS][.SSS][XXX][X]",
            "M/d/uuuu", "M/d/uu", "M/d/uuuu H:m[:s]", "uuuu/M/d", "d.M.uuuu", "uuuuMMdd", "MMM d uuuu",
            "MMM d, uuuu", "MMMM d uuuu", "MMMM d, uuuu", "d MMM uuuu", "d MMMM uuuu", "MMM d uuuu H:m[:s]",
            "EEE, d MMM uuuu H:m:s[ Z]", "H:m[:s]");

    private static final List<DateTimeFormatter> FORMATTERS = LAYOUTS.stream()
            .map(layout -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(layout)
                    .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT))
            .toList();

    public DateParseableConstraint {
        Objects.requireNonNull(column, "column");
        Tally.requireMostly(mostly);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        return ColumnMap.judge(this, mostly, rows, value -> !value.isTextual() ? "is not a string"
                : parses(value.textValue().strip()) ? null : "is not a date", "not dates");
    }

    static boolean parses(String text) {
        for (DateTimeFormatter formatter : FORMATTERS) {
            try {
                TemporalAccessor ignored = formatter.parse(text);
                return ignored != null;
            } catch (DateTimeParseException e) {
                // try the next layout
            }
        }
        return false;
    }
}
