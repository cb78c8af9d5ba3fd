package dev.plumbline.validate.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalSumTest {

    @Test
    void equalsTheBigDecimalSumScaleIncludedThroughOverflows() {
        Random random = new Random(11);
        for (int trial = 0; trial < 100; trial++) {
            DecimalSum sum = new DecimalSum();
            BigDecimal expected = BigDecimal.ZERO;
            for (int n = 0; n < 500; n++) {
                long unscaled = switch (random.nextInt(3)) {
                    case 0 -> random.nextInt(100_000) - 50_000;
                    case 1 -> random.nextLong();
                    default -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE + 1;
                };
                int scale = random.nextInt(trial % 2 == 0 ? 3 : 19);
                sum.add(unscaled, scale);
                expected = expected.add(BigDecimal.valueOf(unscaled, scale));
                if (random.nextInt(50) == 0) {
                    BigDecimal big = new BigDecimal("1e-30").multiply(BigDecimal.valueOf(random.nextLong()));
                    sum.add(big);
                    expected = expected.add(big);
                }
            }
            assertThat(sum.value()).isEqualTo(expected);
        }
    }

    @Test
    void anEmptySumIsZeroAtScaleZero() {
        assertThat(new DecimalSum().value()).isEqualTo(BigDecimal.ZERO);
    }
}
