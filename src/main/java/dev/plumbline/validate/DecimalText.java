package dev.plumbline.validate;

/**
 * The exact value of a plain JSON decimal such as {@code -12.50} as an unscaled long and a scale, read from the
 * parser's characters without making a {@code BigDecimal}, and its nearest double.
 */
final class DecimalText {

    /** What {@link #unscaled} returns for a text it does not take apart: an exponent or over 18 digits. */
    static final int NOT_PLAIN = -1;

    private static final long MAX_EXACT_DOUBLE = 1L << 53;
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double power = 1.0;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10.0;
        }
    }

    private DecimalText() {
    }

    /**
     * The scale of the decimal in {@code text[offset, offset + length)}, its unscaled value in {@code unit[0]}; or
     * {@link #NOT_PLAIN}.
     */
    static int unscaled(char[] text, int offset, int length, long[] unit) {
        int end = offset + length;
        int i = offset;
        boolean negative = i < end && text[i] == '-';
        i += negative ? 1 : 0;
        long value = 0;
        int digits = 0;
        int scale = -1;
        for (; i < end; i++) {
            char c = text[i];
            if (c == '.' && scale < 0) {
                scale = 0;
            } else if (c >= '0' && c <= '9' && ++digits <= 18) {
                value = value * 10 + (c - '0');
                scale += scale >= 0 ? 1 : 0;
            } else {
                return NOT_PLAIN;
            }
        }
        if (digits == 0 || scale < 0 || scale > Byte.MAX_VALUE) {
            return NOT_PLAIN;
        }
        unit[0] = negative ? -value : value;
        return scale;
    }

    /**
     * The double nearest to {@code unit} × 10^-{@code scale}, as {@code BigDecimal.doubleValue} gives it: where
     * both are exact doubles one IEEE division rounds correctly, otherwise the decimal is converted.
     */
    static double toDouble(long unit, int scale) {
        if (Math.abs(unit) < MAX_EXACT_DOUBLE && scale < POWERS_OF_TEN.length) {
            return unit / POWERS_OF_TEN[scale];
        }
        return java.math.BigDecimal.valueOf(unit, scale).doubleValue();
    }
}
