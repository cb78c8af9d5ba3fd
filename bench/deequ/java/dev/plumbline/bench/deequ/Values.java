package dev.plumbline.bench.deequ;

import dev.plumbline.bench.deequ.Column.Fault;
import java.io.Serializable;
import java.util.List;

/**
 * The value of every cell of a W1 batch as a pure function of (row, column), so that both engines are given the
 * same data without holding two copies of it in the driver: a string, a {@code Long}, a {@code Double} (two or
 * six decimals, written as such in JSON) or null.
 */
final class Values implements Serializable {

    static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "CHF");
    static final List<String> COUNTRIES = List.of("DE", "FR", "US", "GB", "NL", "ES");
    static final List<String> FLAGS = List.of("Y", "N");

    private Values() {
    }

    static Object value(Column column, int columnIndex, long row) {
        long h = hash(row, columnIndex);
        return switch (column.kind()) {
            case KEY -> key(column.fault() == Fault.DUPLICATE && row % 50_000 == 49_999 ? row - 1 : row);
            case REF -> "c-" + padded(h % 100_000, 5);
            case AMOUNT -> (column.fault() == Fault.NEGATIVE && row % 997 == 13 ? -1 : 1) * (h % 1_000_000) / 100.0;
            case CATEGORY -> column.fault() == Fault.UNKNOWN_CODE && row % 1009 == 7 ? "XXX"
                    : CURRENCIES.get((int) (h % CURRENCIES.size()));
            case NULLABLE_CATEGORY -> h % 100 < (column.fault() == Fault.MORE_NULLS ? 15 : 5) ? null
                    : COUNTRIES.get((int) ((h >>> 8) % COUNTRIES.size()));
            case COUNT -> 1 + h % 100;
            case RATIO -> (h % 1_000_000) / 1e6;
            case TIMESTAMP -> column.fault() == Fault.BAD_FORMAT && row % 2003 == 11 ? "2026/11/05 10:00"
                    : timestamp(h);
            case NULLABLE_AMOUNT -> h % 100 < 20 ? null : ((h >>> 8) % 100_000) / 100.0;
            case FLAG -> FLAGS.get((int) (h % 2));
        };
    }

    private static String key(long row) {
        return "tx-" + padded(row, 9);
    }

    private static String timestamp(long h) {
        return "2026-11-" + padded(1 + h % 28, 2) + "T" + padded((h >>> 8) % 24, 2) + ":" + padded((h >>> 16) % 60, 2)
                + ":" + padded((h >>> 24) % 60, 2) + "Z";
    }

    private static String padded(long number, int width) {
        String digits = Long.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** SplitMix64 of the cell's coordinates, non-negative. */
    private static long hash(long row, int column) {
        long z = row * 0x9E3779B97F4A7C15L + column * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}
