package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regex and LIKE expectations ({@code expect_column_values_to_match_regex}, {@code …_to_not_match_regex},
 * {@code …_to_match_regex_list}, {@code …_to_not_match_regex_list} and their {@code like_pattern} twins): the
 * non-null values of the column match any, all or none of the patterns. Strings are matched as they are,
 * numbers and booleans as their JSON text; objects and arrays are unexpected.
 */
public record PatternConstraint(String rule, String column, List<String> patterns, boolean like, Match match,
        double mostly) implements Constraint {

    /** How many of the patterns a value must match. */
    public enum Match {
        ANY("do not match any of"), ALL("do not match all of"), NONE("match one of");

        private final String failing;

        Match(String failing) {
            this.failing = failing;
        }
    }

    public PatternConstraint {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(match, "match");
        patterns = List.copyOf(patterns);
        Patterns.compile(patterns, like);
        Tally.requireMostly(mostly);
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        // one matcher per pattern, reset for each value: evaluate runs on one thread; fixed shapes need none
        List<Finder> matchers = Patterns.compile(patterns, like).stream().map(PatternConstraint::finder).toList();
        String shown = String.join(" | ", patterns);
        ColumnVector values = ColumnValues.vector(rows, column);
        Tally tally = new Tally(this);
        tally.judgeNonNull(values, row -> {
            if (values.kind(row) == ColumnVector.TEXT) {
                return problem(matchers, values.textSource(row), values.textStart(row), values.textEnd(row), shown);
            }
            String text = ColumnMap.text(values.node(row));
            return text == null ? "is not text" : problem(matchers, text, 0, text.length(), shown);
        });
        return tally.result(mostly, ColumnMap.summary(tally, match.failing + " " + shown));
    }

    /** Whether a pattern is found in the text {@code source[start, end)}. */
    private interface Finder {
        boolean find(String source, int start, int end);
    }

    private static Finder finder(Pattern pattern) {
        FixedShapePattern fixed = FixedShapePattern.of(pattern);
        if (fixed != null) {
            return fixed::find;
        }
        Matcher matcher = pattern.matcher("");
        return (source, start, end) -> matcher.reset(start == 0 && end == source.length() ? source
                : source.substring(start, end)).find();
    }

    private String problem(List<Finder> matchers, String source, int start, int end, String shown) {
        int matching = 0;
        for (Finder matcher : matchers) {
            matching += matcher.find(source, start, end) ? 1 : 0;
        }
        boolean expected = switch (match) {
            case ANY -> matching > 0;
            case ALL -> matching == matchers.size();
            case NONE -> matching == 0;
        };
        return expected ? null : (match == Match.NONE ? "matches " : "does not match ") + shown;
    }
}
