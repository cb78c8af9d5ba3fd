package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class UniqueWithinRecordConstraintTest {

    @Test
    void aRecordRepeatingAValueAcrossTheColumnsIsUnexpected() {
        ConstraintResult result = new UniqueWithinRecordConstraint(List.of("a", "b", "c"), IgnoreRowIf.ALL_MISSING,
                1.0).evaluate(Rows.json("{'a': 1, 'b': 2, 'c': 3}", "{'a': 1, 'b': 2, 'c': 1.0}",
                        "{'a': null, 'b': null, 'c': 3}", "{'a': 1, 'b': null, 'c': 3}", "{}"));

        assertThat(result.evaluated()).isEqualTo(4);
        assertThat(result.rowFailures()).containsOnlyKeys(1, 2);
        assertThat(result.rowFailures().get(1)).isEqualTo(new RowFailure(UniqueWithinRecordConstraint.RULE,
                "a, b, c", "{\"a\":1,\"b\":2,\"c\":1.0}", "{\"a\":1,\"b\":2,\"c\":1.0}: a value repeats"));
        assertThat(result.observed()).isEqualTo("2 of 4 repeating a value (50%)");
    }
}
