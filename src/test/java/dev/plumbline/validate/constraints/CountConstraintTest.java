package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountConstraintTest {

    private static final List<com.fasterxml.jackson.databind.JsonNode> ROWS = Rows.json("{'a': 1}",
            "{'a': 2, 'b': null}", "{'c': 3}");

    @Test
    void rowCountIsTheBatchSize() {
        ConstraintResult result = new CountConstraint(CountConstraint.ROWS_BETWEEN, 4, null).evaluate(ROWS);

        assertThat(result.success()).isFalse();
        assertThat(result.column()).isNull();
        assertThat(result.rowFailures()).isEmpty();
        assertThat(result.observed()).isEqualTo("3 rows, expected at least 4");
        assertThat(result.observedValue().intValue()).isEqualTo(3);
    }

    @Test
    void columnCountIsTheUnionOfFieldNames() {
        ConstraintResult result = CountConstraint.equal(CountConstraint.COLUMNS_EQUAL, 3).evaluate(ROWS);

        assertThat(result.success()).isTrue();
        assertThat(result.observed()).isEqualTo("3 columns");
    }

    @Test
    void withoutBoundsEveryCountPasses() {
        assertThat(new CountConstraint(CountConstraint.COLUMNS_BETWEEN, null, null).evaluate(ROWS).success())
                .isTrue();
    }
}
