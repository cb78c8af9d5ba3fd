package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Expectations.Expectation;
import dev.plumbline.validate.constraints.DateParseableConstraint;
import dev.plumbline.validate.constraints.JsonParseableConstraint;
import dev.plumbline.validate.constraints.JsonSchemaConstraint;
import dev.plumbline.validate.constraints.LengthConstraint;
import dev.plumbline.validate.constraints.LogicalType;
import dev.plumbline.validate.constraints.MonotonicConstraint;
import dev.plumbline.validate.constraints.NotInSetConstraint;
import dev.plumbline.validate.constraints.NullConstraint;
import dev.plumbline.validate.constraints.PatternConstraint;
import dev.plumbline.validate.constraints.PatternConstraint.Match;
import dev.plumbline.validate.constraints.StrftimeConstraint;
import dev.plumbline.validate.constraints.StrftimeFormat;
import dev.plumbline.validate.constraints.TypeListConstraint;
import dev.plumbline.validate.constraints.ZScoreConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The column map expectations (one judgement per value, with {@code mostly}) beyond the core five. */
final class MapExpectations {

    private static final String PATTERN = "expect_column_values_to_";

    private MapExpectations() {
    }

    static void register(Map<String, Expectation> registry) {
        add(registry, NullConstraint.RULE, List.of(), kwargs -> new NullConstraint(kwargs.column(), kwargs.mostly()));
        add(registry, NotInSetConstraint.RULE, List.of("value_set"), kwargs -> new NotInSetConstraint(
                kwargs.column(), valueSet(kwargs), kwargs.mostly()));
        patterns(registry);
        add(registry, LengthConstraint.BETWEEN, List.of("min_value", "max_value"), MapExpectations::lengths);
        add(registry, LengthConstraint.EQUAL, List.of("value"), kwargs -> LengthConstraint.equal(kwargs.column(),
                required(kwargs, "value", kwargs.count("value")), kwargs.mostly()));
        add(registry, JsonParseableConstraint.RULE, List.of(),
                kwargs -> new JsonParseableConstraint(kwargs.column(), kwargs.mostly()));
        add(registry, JsonSchemaConstraint.RULE, List.of("json_schema"), kwargs -> new JsonSchemaConstraint(
                kwargs.column(), required(kwargs, "json_schema", kwargs.json("json_schema")), kwargs.mostly()));
        add(registry, DateParseableConstraint.RULE, List.of(),
                kwargs -> new DateParseableConstraint(kwargs.column(), kwargs.mostly()));
        add(registry, StrftimeConstraint.RULE, List.of("strftime_format"), kwargs -> new StrftimeConstraint(
                kwargs.column(), new StrftimeFormat(required(kwargs, "strftime_format",
                        kwargs.text("strftime_format"))), kwargs.mostly()));
        add(registry, TypeListConstraint.RULE, List.of("type_list"), MapExpectations::typeList);
        add(registry, MonotonicConstraint.INCREASING, List.of("strictly"), kwargs -> new MonotonicConstraint(
                kwargs.column(), true, kwargs.flag("strictly"), kwargs.mostly()));
        add(registry, MonotonicConstraint.DECREASING, List.of("strictly"), kwargs -> new MonotonicConstraint(
                kwargs.column(), false, kwargs.flag("strictly"), kwargs.mostly()));
        add(registry, ZScoreConstraint.RULE, List.of("threshold", "double_sided"), kwargs -> new ZScoreConstraint(
                kwargs.column(), required(kwargs, "threshold", kwargs.number("threshold")).doubleValue(),
                kwargs.flag("double_sided"), kwargs.mostly()));
        RecordExpectations.register(registry);
    }

    private static void patterns(Map<String, Expectation> registry) {
        for (boolean like : new boolean[] {false, true}) {
            String kind = like ? "like_pattern" : "regex";
            add(registry, PATTERN + "match_" + kind, List.of(kind), kwargs -> pattern(kwargs, PATTERN + "match_"
                    + kind, List.of(required(kwargs, kind, kwargs.text(kind))), like, Match.ANY));
            add(registry, PATTERN + "not_match_" + kind, List.of(kind), kwargs -> pattern(kwargs, PATTERN
                    + "not_match_" + kind, List.of(required(kwargs, kind, kwargs.text(kind))), like, Match.NONE));
            add(registry, PATTERN + "match_" + kind + "_list", List.of(kind + "_list", "match_on"),
                    kwargs -> pattern(kwargs, PATTERN + "match_" + kind + "_list", kwargs.strings(kind + "_list"),
                            like, kwargs.choice("match_on", "any", List.of("any", "all")).equals("any") ? Match.ANY
                                    : Match.ALL));
            add(registry, PATTERN + "not_match_" + kind + "_list", List.of(kind + "_list"), kwargs -> pattern(kwargs,
                    PATTERN + "not_match_" + kind + "_list", kwargs.strings(kind + "_list"), like, Match.NONE));
        }
    }

    private static void add(Map<String, Expectation> registry, String name, List<String> arguments,
            Function<Kwargs, Constraint> build) {
        List<String> all = new ArrayList<>(List.of("column"));
        all.addAll(arguments);
        all.add("mostly");
        registry.put(name, new Expectation(List.copyOf(all), refusingBadArguments(build)));
    }

    /** A constraint that refuses its arguments (a bad regex, an unsupported format) makes the rule unrunnable. */
    static Function<Kwargs, Constraint> refusingBadArguments(Function<Kwargs, Constraint> build) {
        return kwargs -> {
            try {
                return build.apply(kwargs);
            } catch (IllegalArgumentException e) {
                throw kwargs.wrong(e.getMessage());
            }
        };
    }

    private static Constraint pattern(Kwargs kwargs, String rule, List<String> patterns, boolean like, Match match) {
        return new PatternConstraint(rule, kwargs.column(), patterns, like, match, kwargs.mostly());
    }

    private static Constraint lengths(Kwargs kwargs) {
        Integer min = kwargs.count("min_value");
        Integer max = kwargs.count("max_value");
        if (min == null && max == null) {
            throw kwargs.wrong("give min_value, max_value or both");
        }
        return new LengthConstraint(LengthConstraint.BETWEEN, kwargs.column(), min, max, kwargs.mostly());
    }

    private static Constraint typeList(Kwargs kwargs) {
        JsonNode names = kwargs.json("type_list");
        List<LogicalType> types = new ArrayList<>();
        if (names != null) {
            kwargs.strings("type_list").forEach(name -> types.add(LogicalType.ofExpectationName(name)
                    .orElseThrow(() -> kwargs.wrong("unknown type \"" + name + "\"; expected one of "
                            + LogicalType.names() + " or " + LogicalType.expectationNames()))));
        }
        return new TypeListConstraint(kwargs.column(), types, kwargs.mostly());
    }

    static List<JsonNode> valueSet(Kwargs kwargs) {
        JsonNode set = kwargs.json("value_set");
        if (set == null || !set.isArray()) {
            throw kwargs.wrong("value_set must be a list of strings, numbers or booleans, got " + set);
        }
        List<JsonNode> values = new ArrayList<>();
        set.forEach(values::add);
        if (!values.stream().allMatch(JsonNode::isValueNode)) {
            throw kwargs.wrong("value_set must be a list of strings, numbers or booleans, got " + set);
        }
        return values;
    }

    static <T> T required(Kwargs kwargs, String key, T value) {
        if (value == null) {
            throw kwargs.wrong(key + " is required");
        }
        return value;
    }
}
