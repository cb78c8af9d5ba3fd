package dev.plumbline.validate.analyzers;

import java.math.BigDecimal;

/**
 * An exact running sum of decimals: those given as an unscaled long and a scale add up in a long at the largest
 * scale seen, moving into a {@code BigDecimal} only when the long would overflow. The value is the {@code BigDecimal}
 * sum of the same addends, scale included (the largest scale of any addend, at least 0).
 */
final class DecimalSum {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private BigDecimal big = BigDecimal.ZERO;
    private long unscaled;
    private int scale;

    void add(long value, int valueScale) {
        try {
            if (valueScale > scale) {
                unscaled = Math.multiplyExact(unscaled, power(valueScale - scale));
                scale = valueScale;
            }
            unscaled = Math.addExact(unscaled, Math.multiplyExact(value, power(scale - valueScale)));
        } catch (ArithmeticException overflow) {
            big = big.add(BigDecimal.valueOf(unscaled, scale));
            unscaled = value;
            scale = valueScale;
        }
    }

    void add(BigDecimal value) {
        big = big.add(value);
    }

    BigDecimal value() {
        return big.add(BigDecimal.valueOf(unscaled, scale));
    }

    private static long power(int exponent) {
        if (exponent >= POWERS_OF_TEN.length) {
            throw new ArithmeticException("10^" + exponent + " does not fit a long");
        }
        return POWERS_OF_TEN[exponent];
    }
}
