package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairInSetConstraintTest {

    @Test
    void eachPairMustBeAnAllowedPair() {
        PairInSetConstraint pairs = new PairInSetConstraint("country", "currency",
                List.of(Rows.values("FR", "EUR"), Rows.values("US", "USD")), IgnoreRowIf.ALL_MISSING, 1.0);

        ConstraintResult result = pairs.evaluate(Rows.json("{'country': 'FR', 'currency': 'EUR'}",
                "{'country': 'FR', 'currency': 'USD'}", "{'country': 'US', 'currency': null}", "{}"));

        assertThat(result.evaluated()).isEqualTo(3);
        assertThat(result.rowFailures()).containsOnlyKeys(1, 2);
        assertThat(result.rowFailures().get(2).value()).isEqualTo("[\"US\",null]");
        assertThat(result.rowFailures().get(1).reason()).isEqualTo("[\"FR\",\"USD\"]: not an allowed pair");
    }

    @Test
    void pairsAreTwoScalars() {
        assertThatThrownBy(() -> new PairInSetConstraint("a", "b", List.of(Rows.values(1)), IgnoreRowIf.NEVER, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
