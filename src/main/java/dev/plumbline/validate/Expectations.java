package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.constraints.BetweenConstraint;
import dev.plumbline.validate.constraints.ConditionalConstraint;
import dev.plumbline.validate.constraints.InSetConstraint;
import dev.plumbline.validate.constraints.NotNullConstraint;
import dev.plumbline.validate.constraints.PsiConstraint;
import dev.plumbline.validate.constraints.RowCondition;
import dev.plumbline.validate.constraints.TimestampBetweenConstraint;
import dev.plumbline.validate.constraints.Timestamps;
import dev.plumbline.validate.constraints.TypeConstraint;
import dev.plumbline.validate.constraints.UniqueConstraint;
import dev.plumbline.validate.window.StateCodec;
import dev.plumbline.validate.window.Window;
import dev.plumbline.validate.window.WindowedConstraint;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The Great Expectations expectations Plumbline runs, each built from its keyword arguments. */
final class Expectations {

    record Expectation(List<String> arguments, Function<Kwargs, Constraint> build) {
    }

    private static final Map<String, Expectation> BY_NAME = new TreeMap<>(Map.of(
            NotNullConstraint.RULE, new Expectation(List.of("column", "mostly"),
                    kwargs -> new NotNullConstraint(kwargs.column(), kwargs.mostly())),
            TypeConstraint.RULE, new Expectation(List.of("column", "type_", "mostly"),
                    kwargs -> new TypeConstraint(kwargs.column(), kwargs.logicalType("type_"), kwargs.mostly())),
            BetweenConstraint.RULE, new Expectation(
                    List.of("column", "min_value", "max_value", "strict_min", "strict_max", "mostly"),
                    Expectations::between),
            InSetConstraint.RULE, new Expectation(List.of("column", "value_set", "mostly"),
                    kwargs -> new InSetConstraint(kwargs.column(), kwargs.scalarsOrEmpty("value_set"),
                            kwargs.mostly())),
            UniqueConstraint.RULE, new Expectation(List.of("column", "mostly"),
                    kwargs -> new UniqueConstraint(kwargs.column(), kwargs.mostly()))));
    static {
        MapExpectations.register(BY_NAME);
        AggregateExpectations.register(BY_NAME);
    }

    private Expectations() {
    }

    static String names() {
        return String.join(", ", BY_NAME.keySet());
    }

    static Constraint build(String name, Kwargs kwargs) {
        Expectation expectation = BY_NAME.get(name);
        if (expectation == null) {
            throw new UnrunnableRule("unknown expectation \"" + name + "\"; Plumbline runs: " + names());
        }
        List<String> arguments = new ArrayList<>(expectation.arguments());
        arguments.addAll(List.of("row_condition", "condition_parser"));
        if (kwargs.value("window") != null) {
            arguments.add("window");
        }
        kwargs.allowOnly(arguments);
        return windowed(conditional(expectation.build().apply(kwargs), kwargs), kwargs);
    }

    /** Judges a batch-level rule over a window of batches when it names one ({@code window: 1h}). */
    private static Constraint windowed(Constraint constraint, Kwargs kwargs) {
        String window = kwargs.text("window");
        if (window == null) {
            return constraint;
        }
        if (!(constraint instanceof AnalysisBasedConstraint aggregate)
                || !StateCodec.persistable(aggregate.analyzer())) {
            throw kwargs.wrong("window is supported on expect_column_mean_to_be_between, "
                    + "expect_column_sum_to_be_between, " + PsiConstraint.RULE + ", " + DriftMetricExpectations.JS
                    + " and " + DriftMetricExpectations.KS + ", whose states merge");
        }
        try {
            return new WindowedConstraint(aggregate, Window.parse(window));
        } catch (IllegalArgumentException e) {
            throw kwargs.wrong(e.getMessage());
        }
    }

    private static LocalDateTime timestamp(Kwargs kwargs, String key) {
        JsonNode bound = kwargs.value(key);
        LocalDateTime timestamp = Timestamps.utc(bound);
        if (bound != null && timestamp == null) {
            throw kwargs.wrong(key + " must be a number or an ISO-8601 timestamp (both bounds of one kind), got "
                    + bound);
        }
        return timestamp;
    }

    /** Narrows a row-level rule to the rows its {@code row_condition} selects, as pandas' {@code query} would. */
    private static Constraint conditional(Constraint constraint, Kwargs kwargs) {
        String condition = kwargs.text("row_condition");
        if (condition == null) {
            return constraint;
        }
        String parser = kwargs.text("condition_parser");
        if (!"pandas".equals(parser)) {
            throw kwargs.wrong("condition_parser must be \"pandas\" with a row_condition (Plumbline reads pandas "
                    + "query conditions), got " + (parser == null ? "none" : "\"" + parser + "\""));
        }
        if (constraint instanceof AnalysisBasedConstraint) {
            throw kwargs.wrong("row_condition is supported on row-level expectations only; batch-level "
                    + "metrics are computed over whole batches and windows");
        }
        try {
            return new ConditionalConstraint(constraint, RowCondition.parse(condition, kwargs.columns()));
        } catch (IllegalArgumentException e) {
            throw kwargs.wrong(e.getMessage());
        }
    }

    private static Constraint between(Kwargs kwargs) {
        JsonNode minBound = kwargs.value("min_value");
        JsonNode maxBound = kwargs.value("max_value");
        if (minBound != null && minBound.isTextual() || maxBound != null && maxBound.isTextual()) {
            return new TimestampBetweenConstraint(kwargs.column(), timestamp(kwargs, "min_value"),
                    timestamp(kwargs, "max_value"), kwargs.flag("strict_min"), kwargs.flag("strict_max"),
                    kwargs.mostly());
        }
        BigDecimal min = kwargs.number("min_value");
        BigDecimal max = kwargs.number("max_value");
        if (min == null && max == null) {
            throw kwargs.wrong("give min_value, max_value or both");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw kwargs.wrong("min_value " + min.toPlainString() + " is greater than max_value "
                    + max.toPlainString());
        }
        return new BetweenConstraint(kwargs.column(), min, max, kwargs.flag("strict_min"),
                kwargs.flag("strict_max"), kwargs.mostly());
    }
}
