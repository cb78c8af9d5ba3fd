package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompoundUniqueConstraintTest {

    @Test
    void everyRowHoldingADuplicatedCombinationIsUnexpected() {
        ConstraintResult result = new CompoundUniqueConstraint(List.of("a", "b"), IgnoreRowIf.ALL_MISSING, 1.0)
                .evaluate(Rows.json("{'a': 1, 'b': 1}", "{'a': 1, 'b': 2}", "{'a': 1.0, 'b': 1}",
                        "{'a': 2, 'b': null}", "{'a': 2, 'b': null}", "{'a': null, 'b': null}", "{}"));

        assertThat(result.evaluated()).isEqualTo(5);
        assertThat(result.rowFailures()).containsOnlyKeys(0, 2, 3, 4);
        assertThat(result.rowFailures().get(0)).isEqualTo(new RowFailure(CompoundUniqueConstraint.RULE, "a, b",
                "{\"a\":1,\"b\":1}", "{\"a\":1,\"b\":1}: appears 2 times in this batch"));
        assertThat(result.observed()).isEqualTo("4 of 5 duplicated (80%)");
    }

    @Test
    void mostlyToleratesAShareOfDuplicates() {
        var rows = Rows.json("{'a': 1, 'b': 1}", "{'a': 1, 'b': 1}", "{'a': 2, 'b': 1}", "{'a': 3, 'b': 1}");

        assertThat(new CompoundUniqueConstraint(List.of("a", "b"), IgnoreRowIf.ALL_MISSING, 0.5).evaluate(rows)
                .success()).isTrue();
        assertThat(new CompoundUniqueConstraint(List.of("a", "b"), IgnoreRowIf.ALL_MISSING, 0.51).evaluate(rows)
                .success()).isFalse();
    }
}
