package dev.plumbline.validate.analyzers;

/** The problems numeric analyzers report, worded once. */
final class Numbers {

    static final String NO_VALUES = "no non-null values";

    private Numbers() {
    }

    static String nonNumeric(long nonNumeric, long nonNull) {
        return nonNumeric + " of " + nonNull + " non-null values are not numeric";
    }
}
