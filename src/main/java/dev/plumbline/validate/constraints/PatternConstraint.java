package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
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
        List<Predicate<String>> matchers = Patterns.compile(patterns, like).stream().map(PatternConstraint::finder)
                .toList();
        String shown = String.join(" | ", patterns);
        ColumnVector values = ColumnValues.vector(rows, column);
        Tally tally = new Tally(this);
        tally.judgeNonNull(values, row -> problem(matchers, values.kind(row) == ColumnVector.TEXT ? values.text(row)
                : ColumnMap.text(values.node(row)), shown));
        return tally.result(mostly, ColumnMap.summary(tally, match.failing + " " + shown));
    }

    private static Predicate<String> finder(Pattern pattern) {
        FixedShapePattern fixed = FixedShapePattern.of(pattern);
        if (fixed != null) {
            return fixed::find;
        }
        Matcher matcher = pattern.matcher("");
        return text -> matcher.reset(text).find();
    }

    private String problem(List<Predicate<String>> matchers, String text, String shown) {
        if (text == null) {
            return "is not text";
        }
        int matching = 0;
        for (Predicate<String> matcher : matchers) {
            matching += matcher.test(text) ? 1 : 0;
        }
        boolean expected = switch (match) {
            case ANY -> matching > 0;
            case ALL -> matching == matchers.size();
            case NONE -> matching == 0;
        };
        return expected ? null : (match == Match.NONE ? "matches " : "does not match ") + shown;
    }
}
