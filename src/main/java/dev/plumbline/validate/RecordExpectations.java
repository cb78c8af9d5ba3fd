package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Expectations.Expectation;
import dev.plumbline.validate.constraints.ColumnExistsConstraint;
import dev.plumbline.validate.constraints.ColumnListConstraint;
import dev.plumbline.validate.constraints.CompoundUniqueConstraint;
import dev.plumbline.validate.constraints.CountConstraint;
import dev.plumbline.validate.constraints.IgnoreRowIf;
import dev.plumbline.validate.constraints.MulticolumnSumConstraint;
import dev.plumbline.validate.constraints.PairComparisonConstraint;
import dev.plumbline.validate.constraints.PairInSetConstraint;
import dev.plumbline.validate.constraints.UniqueWithinRecordConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The column-pair, multicolumn and table-level expectations. */
final class RecordExpectations {

    private static final List<String> PAIR = List.of("column_A", "column_B", "ignore_row_if", "mostly");
    private static final List<String> MULTICOLUMN = List.of("column_list", "ignore_row_if", "mostly");

    private RecordExpectations() {
    }

    static void register(Map<String, Expectation> registry) {
        add(registry, PairComparisonConstraint.GREATER, PAIR, List.of("or_equal"), kwargs -> comparison(kwargs,
                PairComparisonConstraint.GREATER, kwargs.flag("or_equal")));
        add(registry, PairComparisonConstraint.EQUAL, PAIR, List.of(), kwargs -> comparison(kwargs,
                PairComparisonConstraint.EQUAL, false));
        add(registry, PairInSetConstraint.RULE, PAIR, List.of("value_pairs_set"), kwargs -> new PairInSetConstraint(
                kwargs.column("column_A"), kwargs.column("column_B"), pairs(kwargs), pairIgnore(kwargs),
                kwargs.mostly()));
        add(registry, MulticolumnSumConstraint.RULE, MULTICOLUMN, List.of("sum_total"),
                kwargs -> new MulticolumnSumConstraint(kwargs.columnList("column_list"),
                        MapExpectations.required(kwargs, "sum_total", kwargs.number("sum_total")),
                        multicolumnIgnore(kwargs), kwargs.mostly()));
        add(registry, UniqueWithinRecordConstraint.RULE, MULTICOLUMN, List.of(),
                kwargs -> new UniqueWithinRecordConstraint(kwargs.columnList("column_list"), multicolumnIgnore(kwargs),
                        kwargs.mostly()));
        add(registry, CompoundUniqueConstraint.RULE, MULTICOLUMN, List.of(), kwargs -> new CompoundUniqueConstraint(
                kwargs.columnList("column_list"), multicolumnIgnore(kwargs), kwargs.mostly()));
        tables(registry);
    }

    private static void tables(Map<String, Expectation> registry) {
        add(registry, ColumnExistsConstraint.RULE, List.of("column", "column_index"), List.of(),
                kwargs -> new ColumnExistsConstraint(kwargs.text("column") != null ? kwargs.text("column")
                        : kwargs.column(), kwargs.count("column_index")));
        for (String rule : List.of(CountConstraint.ROWS_BETWEEN, CountConstraint.COLUMNS_BETWEEN)) {
            add(registry, rule, List.of("min_value", "max_value"), List.of(), kwargs -> new CountConstraint(rule,
                    kwargs.count("min_value"), kwargs.count("max_value")));
        }
        for (String rule : List.of(CountConstraint.ROWS_EQUAL, CountConstraint.COLUMNS_EQUAL)) {
            add(registry, rule, List.of("value"), List.of(), kwargs -> CountConstraint.equal(rule,
                    MapExpectations.required(kwargs, "value", kwargs.count("value"))));
        }
        add(registry, ColumnListConstraint.ORDERED, List.of("column_list"), List.of(),
                kwargs -> new ColumnListConstraint(ColumnListConstraint.ORDERED, optionalStrings(kwargs,
                        "column_list"), true));
        add(registry, ColumnListConstraint.SET, List.of("column_set", "exact_match"), List.of(),
                kwargs -> new ColumnListConstraint(ColumnListConstraint.SET, optionalStrings(kwargs, "column_set"),
                        kwargs.json("exact_match") == null || kwargs.flag("exact_match")));
    }

    private static void add(Map<String, Expectation> registry, String name, List<String> common,
            List<String> specific, Function<Kwargs, Constraint> build) {
        List<String> arguments = new ArrayList<>(common);
        arguments.addAll(specific);
        registry.put(name, new Expectation(List.copyOf(arguments), MapExpectations.refusingBadArguments(build)));
    }

    private static Constraint comparison(Kwargs kwargs, String rule, boolean orEqual) {
        return new PairComparisonConstraint(rule, kwargs.column("column_A"), kwargs.column("column_B"), orEqual,
                pairIgnore(kwargs), kwargs.mostly());
    }

    private static IgnoreRowIf pairIgnore(Kwargs kwargs) {
        String name = kwargs.choice("ignore_row_if", "both_values_are_missing", IgnoreRowIf.pairNames());
        return IgnoreRowIf.ofPair(name).orElseThrow();
    }

    private static IgnoreRowIf multicolumnIgnore(Kwargs kwargs) {
        String name = kwargs.choice("ignore_row_if", "all_values_are_missing", IgnoreRowIf.multicolumnNames());
        return IgnoreRowIf.ofMulticolumn(name).orElseThrow();
    }

    private static List<List<JsonNode>> pairs(Kwargs kwargs) {
        JsonNode set = kwargs.json("value_pairs_set");
        if (set == null || !set.isArray()) {
            throw kwargs.wrong("value_pairs_set must be a list of [a, b] pairs, got " + set);
        }
        List<List<JsonNode>> pairs = new ArrayList<>();
        for (JsonNode pair : set) {
            List<JsonNode> values = new ArrayList<>();
            pair.forEach(values::add);
            pairs.add(values);
        }
        return pairs;
    }

    private static List<String> optionalStrings(Kwargs kwargs, String key) {
        return kwargs.json(key) == null ? null : kwargs.strings(key);
    }
}
