package dev.plumbline.bench.deequ;

import static dev.plumbline.bench.deequ.Rule.Kind.COMPLETE;
import static dev.plumbline.bench.deequ.Rule.Kind.COMPLETENESS;
import static dev.plumbline.bench.deequ.Rule.Kind.DISTINCT_COUNT;
import static dev.plumbline.bench.deequ.Rule.Kind.MAX;
import static dev.plumbline.bench.deequ.Rule.Kind.MAX_LENGTH;
import static dev.plumbline.bench.deequ.Rule.Kind.MEAN;
import static dev.plumbline.bench.deequ.Rule.Kind.MEDIAN;
import static dev.plumbline.bench.deequ.Rule.Kind.MIN;
import static dev.plumbline.bench.deequ.Rule.Kind.ROW_COUNT;
import static dev.plumbline.bench.deequ.Rule.Kind.STDEV;
import static dev.plumbline.bench.deequ.Rule.Kind.UNIQUE;

import dev.plumbline.bench.deequ.Column.Fault;
import dev.plumbline.bench.deequ.Column.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A W1 table shape: its columns and the checks on them. {@link #narrow()} is 10 columns × 16 checks,
 * {@link #wide()} 80 columns × 226 checks (eight blocks of the ten column kinds).
 */
record Shape(String name, List<Column> columns, List<Rule> rules) {

    private static final String TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$";

    Shape {
        columns = List.copyOf(columns);
        rules = List.copyOf(rules);
        Set<String> keys = new HashSet<>();
        for (Rule rule : rules) {
            if (!keys.add(rule.key())) {
                throw new IllegalArgumentException("two rules are reported as " + rule.key());
            }
        }
    }

    static Shape narrow() {
        List<Column> columns = block("", Fault.DUPLICATE, Fault.NEGATIVE, Fault.UNKNOWN_CODE, Fault.NONE, Fault.NONE);
        String id = columns.get(0).name();
        List<Rule> rules = new ArrayList<>(List.of(Rule.of(COMPLETE, id), Rule.of(UNIQUE, id),
                Rule.bounded(ROW_COUNT, id, 1, Integer.MAX_VALUE)));
        for (Column column : columns) {
            switch (column.kind()) {
                case REF -> rules.addAll(List.of(Rule.of(COMPLETE, column.name()), Rule.regex(column.name(),
                        "^c-[0-9]{5}$")));
                case AMOUNT -> rules.addAll(List.of(Rule.of(COMPLETE, column.name()), valueRange(column),
                        Rule.bounded(MEDIAN, column.name(), 4500, 5500)));
                case CATEGORY -> rules.add(Rule.inSet(column.name(), Values.CURRENCIES));
                case NULLABLE_CATEGORY -> rules.add(Rule.bounded(COMPLETENESS, column.name(), 0.9, 1));
                case COUNT, NULLABLE_AMOUNT -> rules.add(valueRange(column));
                case RATIO -> rules.add(Rule.bounded(MEAN, column.name(), 0.45, 0.55));
                case TIMESTAMP -> rules.addAll(List.of(Rule.of(COMPLETE, column.name()), Rule.regex(column.name(),
                        TIMESTAMP)));
                case FLAG -> rules.add(Rule.inSet(column.name(), Values.FLAGS));
                case KEY -> { }
            }
        }
        return new Shape("10 columns", columns, rules);
    }

    static Shape wide() {
        List<Column> columns = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            List<Column> block = block("_" + b, b == 0 ? Fault.DUPLICATE : Fault.NONE, b == 0 ? Fault.NEGATIVE
                    : Fault.NONE, b == 2 || b == 6 ? Fault.UNKNOWN_CODE : Fault.NONE, b == 3 ? Fault.MORE_NULLS
                    : Fault.NONE, b == 5 ? Fault.BAD_FORMAT : Fault.NONE);
            columns.addAll(block);
            block.forEach(column -> rules.addAll(wideRules(column)));
        }
        rules.add(Rule.of(UNIQUE, columns.get(0).name()));
        rules.add(Rule.bounded(ROW_COUNT, columns.get(0).name(), 1, Integer.MAX_VALUE));
        return new Shape("80 columns", columns, rules);
    }

    private static List<Rule> wideRules(Column column) {
        String name = column.name();
        return switch (column.kind()) {
            case KEY -> List.of(Rule.of(COMPLETE, name), Rule.regex(name, "^tx-[0-9]{9}$"),
                    Rule.bounded(MAX_LENGTH, name, 0, 12));
            case REF -> List.of(Rule.of(COMPLETE, name), Rule.regex(name, "^c-[0-9]{5}$"));
            case AMOUNT -> List.of(Rule.of(COMPLETE, name), valueRange(column), Rule.bounded(MIN, name, 0, 100),
                    Rule.bounded(MAX, name, 9900, 10000), Rule.bounded(MEAN, name, 4500, 5500),
                    Rule.bounded(STDEV, name, 2500, 3300));
            case CATEGORY -> List.of(Rule.of(COMPLETE, name), Rule.inSet(name, Values.CURRENCIES),
                    Rule.bounded(DISTINCT_COUNT, name, 1, Values.CURRENCIES.size()));
            case NULLABLE_CATEGORY -> List.of(Rule.bounded(COMPLETENESS, name, 0.9, 1),
                    Rule.inSet(name, Values.COUNTRIES));
            case COUNT -> List.of(Rule.of(COMPLETE, name), valueRange(column), Rule.bounded(MEAN, name, 45, 56));
            case RATIO -> List.of(valueRange(column), Rule.bounded(MEAN, name, 0.45, 0.55),
                    Rule.bounded(MEDIAN, name, 0.45, 0.55));
            case TIMESTAMP -> List.of(Rule.of(COMPLETE, name), Rule.regex(name, TIMESTAMP));
            case NULLABLE_AMOUNT -> List.of(Rule.bounded(COMPLETENESS, name, 0.7, 1), valueRange(column));
            case FLAG -> List.of(Rule.of(COMPLETE, name), Rule.inSet(name, Values.FLAGS));
        };
    }

    /** The range every value of a numeric column is generated in (faults aside). */
    private static Rule valueRange(Column column) {
        return switch (column.kind()) {
            case AMOUNT -> Rule.bounded(Rule.Kind.BETWEEN, column.name(), 0, 10_000);
            case COUNT -> Rule.bounded(Rule.Kind.BETWEEN, column.name(), 1, 100);
            case RATIO -> Rule.bounded(Rule.Kind.BETWEEN, column.name(), 0, 1);
            case NULLABLE_AMOUNT -> Rule.bounded(Rule.Kind.BETWEEN, column.name(), 0, 1_000);
            default -> throw new IllegalArgumentException(column.name() + " is not numeric");
        };
    }

    private static List<Column> block(String suffix, Fault key, Fault amount, Fault category, Fault nulls,
            Fault timestamps) {
        return List.of(new Column("id" + suffix, Kind.KEY, key), new Column("customer" + suffix, Kind.REF, Fault.NONE),
                new Column("amount" + suffix, Kind.AMOUNT, amount),
                new Column("currency" + suffix, Kind.CATEGORY, category),
                new Column("country" + suffix, Kind.NULLABLE_CATEGORY, nulls),
                new Column("quantity" + suffix, Kind.COUNT, Fault.NONE),
                new Column("score" + suffix, Kind.RATIO, Fault.NONE),
                new Column("event_time" + suffix, Kind.TIMESTAMP, timestamps),
                new Column("discount" + suffix, Kind.NULLABLE_AMOUNT, Fault.NONE),
                new Column("flag" + suffix, Kind.FLAG, Fault.NONE));
    }
}
