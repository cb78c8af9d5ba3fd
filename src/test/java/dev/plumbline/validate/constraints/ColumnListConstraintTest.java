package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnListConstraintTest {

    private static final List<com.fasterxml.jackson.databind.JsonNode> ROWS = Rows.json("{'c1': 1, 'c2': 2}",
            "{'c3': null}");

    @Test
    void anOrderedListMustMatchExactly() {
        assertThat(new ColumnListConstraint(ColumnListConstraint.ORDERED, List.of("c1", "c2", "c3"), true)
                .evaluate(ROWS).success()).isTrue();
        ConstraintResult reordered = new ColumnListConstraint(ColumnListConstraint.ORDERED,
                List.of("c3", "c2", "c1"), true).evaluate(ROWS);
        assertThat(reordered.success()).isFalse();
        assertThat(reordered.observed()).isEqualTo("c1, c2, c3 (in another order)");
        assertThat(reordered.observedValue().toString()).isEqualTo("[\"c1\",\"c2\",\"c3\"]");
    }

    @Test
    void aSetMatchIgnoresOrderAndWithoutExactMatchAllowsExtraColumns() {
        ConstraintResult exact = new ColumnListConstraint(ColumnListConstraint.SET, List.of("c2", "c1", "c4"), true)
                .evaluate(ROWS);
        assertThat(exact.success()).isFalse();
        assertThat(exact.observed()).isEqualTo("c1, c2, c3 (missing c4; unexpected c3)");
        assertThat(new ColumnListConstraint(ColumnListConstraint.SET, List.of("c2", "c1"), false).evaluate(ROWS)
                .success()).isTrue();
    }

    @Test
    void noExpectedColumnsPassUnlessAnExactSetIsRequired() {
        assertThat(new ColumnListConstraint(ColumnListConstraint.ORDERED, null, true).evaluate(ROWS).success())
                .isTrue();
        assertThat(new ColumnListConstraint(ColumnListConstraint.SET, null, false).evaluate(ROWS).success()).isTrue();
        assertThat(new ColumnListConstraint(ColumnListConstraint.SET, null, true).evaluate(ROWS).success()).isFalse();
    }
}
