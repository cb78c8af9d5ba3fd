package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class NullConstraintTest {

    @Test
    void everyNonNullValueIsUnexpectedAndEveryRowCounts() {
        ConstraintResult result = new NullConstraint("refund_id", 1.0)
                .evaluate(Rows.column("refund_id", null, "r-1", Rows.MISSING, 7));

        assertThat(result.evaluated()).isEqualTo(4);
        assertThat(result.rowFailures()).containsOnlyKeys(1, 3);
        assertThat(result.rowFailures().get(1)).isEqualTo(new RowFailure(NullConstraint.RULE, "refund_id", "\"r-1\"",
                "refund_id = \"r-1\" should be null"));
        assertThat(result.observed()).isEqualTo("2 of 4 not null (50%)");
    }

    @Test
    void mostlyCountsNullsAmongAllRows() {
        var rows = Rows.column("v", null, null, null, 5);

        assertThat(new NullConstraint("v", 0.75).evaluate(rows).success()).isTrue();
        assertThat(new NullConstraint("v", 0.8).evaluate(rows).success()).isFalse();
    }
}
