package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import org.junit.jupiter.api.Test;

class UniqueConstraintTest {

    @Test
    void everyCopyOfADuplicatedValueIsUnexpected() {
        ConstraintResult result = new UniqueConstraint("transaction_id")
                .evaluate(Rows.column("transaction_id", "tx-9", "tx-123", "tx-9", "tx-5", "tx-123", "tx-123"));

        assertThat(result.evaluated()).isEqualTo(6);
        assertThat(result.unexpected()).isEqualTo(5);
        assertThat(result.success()).isFalse();
        assertThat(result.rowFailures()).containsOnlyKeys(0, 1, 2, 4, 5);
        assertThat(result.rowFailures().get(0)).isEqualTo(new RowFailure(UniqueConstraint.RULE, "transaction_id",
                "\"tx-9\"", "transaction_id \"tx-9\" appears 2 times in this batch"));
        assertThat(result.rowFailures().get(5).reason())
                .isEqualTo("transaction_id \"tx-123\" appears 3 times in this batch");
        assertThat(result.observed()).isEqualTo("2 values duplicated, e.g. \"tx-123\" ×3");
    }

    @Test
    void distinctValuesSucceed() {
        ConstraintResult result = new UniqueConstraint("id").evaluate(Rows.column("id", 1, 2, 3));

        assertThat(result.success()).isTrue();
        assertThat(result.rowFailures()).isEmpty();
        assertThat(result.observed()).isEqualTo("all 3 unique");
    }

    @Test
    void nullsAreSkippedByUnique() {
        ConstraintResult result = new UniqueConstraint("id").evaluate(Rows.column("id", 1, null, null, Rows.MISSING));

        assertThat(result.evaluated()).isEqualTo(1);
        assertThat(result.success()).isTrue();
    }

    @Test
    void numbersAreEqualAcrossNotationsButNotToStrings() {
        ConstraintResult result = new UniqueConstraint("id")
                .evaluate(Rows.json("{'id': 7}", "{'id': 7.0}", "{'id': '7'}"));

        assertThat(result.rowFailures()).containsOnlyKeys(0, 1);
        assertThat(result.rowFailures().get(1).reason()).isEqualTo("id 7.0 appears 2 times in this batch");
        assertThat(result.observed()).isEqualTo("1 value duplicated, e.g. 7 ×2");
    }

    @Test
    void mostlyToleratesAFractionOfFailures() {
        var rows = Rows.column("id", "a", "a", "b", "c", "d", "e", "f", "g", "h", "i");

        assertThat(new UniqueConstraint("id", 0.8).evaluate(rows).success()).isTrue();
        assertThat(new UniqueConstraint("id", 0.81).evaluate(rows).success()).isFalse();
    }
}
