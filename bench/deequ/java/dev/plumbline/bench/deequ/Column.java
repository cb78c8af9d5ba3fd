package dev.plumbline.bench.deequ;

import java.io.Serializable;

/**
 * One generated column of a W1 shape: its name, what kind of values it holds and the fault injected into it, if
 * any, so that some checks fail.
 */
record Column(String name, Kind kind, Fault fault) implements Serializable {

    /** What a column holds; each kind has a fixed value distribution (see {@link Values}). */
    enum Kind {
        /** "tx-000000042": the row's own id. */
        KEY,
        /** "c-01234": a customer reference. */
        REF,
        /** 0.00 to 9999.99, uniform, two decimals. */
        AMOUNT,
        /** One of five currency codes. */
        CATEGORY,
        /** One of six country codes, 5% null. */
        NULLABLE_CATEGORY,
        /** An integer from 1 to 100. */
        COUNT,
        /** 0.000000 to 0.999999, uniform, six decimals. */
        RATIO,
        /** An ISO-8601 UTC timestamp string. */
        TIMESTAMP,
        /** 0.00 to 999.99, 20% null. */
        NULLABLE_AMOUNT,
        /** "Y" or "N". */
        FLAG
    }

    /** A violation injected into some rows of a column. */
    enum Fault {
        NONE,
        /** Row 49,999 of every 50,000 repeats the previous row's key. */
        DUPLICATE,
        /** One row in 997 holds a negative amount. */
        NEGATIVE,
        /** One row in 1,009 holds the unknown code "XXX". */
        UNKNOWN_CODE,
        /** 15% null instead of 5%. */
        MORE_NULLS,
        /** One row in 2,003 holds a timestamp in another format. */
        BAD_FORMAT
    }

    boolean isNumeric() {
        return kind == Kind.AMOUNT || kind == Kind.COUNT || kind == Kind.RATIO || kind == Kind.NULLABLE_AMOUNT;
    }
}
