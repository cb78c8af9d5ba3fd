package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnExistsConstraintTest {

    private static final List<com.fasterxml.jackson.databind.JsonNode> ROWS = Rows.json("{'a': 1}",
            "{'b': null, 'a': 2}");

    @Test
    void aFieldHoldingNullExists() {
        ConstraintResult result = new ColumnExistsConstraint("b", null).evaluate(ROWS);

        assertThat(result.success()).isTrue();
        assertThat(result.observed()).isEqualTo("present");
    }

    @Test
    void columnIndexIsThePositionInFirstSeenOrder() {
        assertThat(new ColumnExistsConstraint("b", 1).evaluate(ROWS).success()).isTrue();
        ConstraintResult wrongIndex = new ColumnExistsConstraint("b", 0).evaluate(ROWS);
        assertThat(wrongIndex.success()).isFalse();
        assertThat(wrongIndex.observed()).isEqualTo("at position 1, expected 0");
        assertThat(new ColumnExistsConstraint("c", null).evaluate(ROWS).observed()).isEqualTo("no such column");
    }
}
