package dev.plumbline.validate.constraints;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which rows a column-pair or multicolumn rule skips for their missing values (Great Expectations'
 * {@code ignore_row_if}): those where all (both) of its columns are null, those where any (either) is, or none.
 */
public enum IgnoreRowIf {
    ALL_MISSING("both_values_are_missing", "all_values_are_missing"),
    ANY_MISSING("either_value_is_missing", "any_value_is_missing"),
    NEVER("neither", "never");

    private final String pairName;
    private final String multicolumnName;

    IgnoreRowIf(String pairName, String multicolumnName) {
        this.pairName = pairName;
        this.multicolumnName = multicolumnName;
    }

    public static Optional<IgnoreRowIf> ofPair(String name) {
        return Arrays.stream(values()).filter(value -> value.pairName.equals(name)).findFirst();
    }

    public static Optional<IgnoreRowIf> ofMulticolumn(String name) {
        return Arrays.stream(values()).filter(value -> value.multicolumnName.equals(name)).findFirst();
    }

    public static List<String> pairNames() {
        return Arrays.stream(values()).map(value -> value.pairName).toList();
    }

    public static List<String> multicolumnNames() {
        return Arrays.stream(values()).map(value -> value.multicolumnName).toList();
    }

    boolean ignores(long missing, int columns) {
        return switch (this) {
            case ALL_MISSING -> missing == columns;
            case ANY_MISSING -> missing > 0;
            case NEVER -> false;
        };
    }
}
