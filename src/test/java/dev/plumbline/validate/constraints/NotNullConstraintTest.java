package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NotNullConstraintTest {

    @Test
    void aMissingFieldAndAJsonNullAreBothNull() {
        ConstraintResult result = new NotNullConstraint("customer_id")
                .evaluate(Rows.json("{'customer_id': 'c-1'}", "{'customer_id': null}", "{'amount': 3}"));

        assertThat(result.evaluated()).isEqualTo(3);
        assertThat(result.unexpected()).isEqualTo(2);
        assertThat(result.success()).isFalse();
        assertThat(result.observed()).isEqualTo("2 of 3 null (66.7%)");
        assertThat(result.rowFailures()).containsOnlyKeys(1, 2);
        assertThat(result.rowFailures().get(2)).isEqualTo(new RowFailure(NotNullConstraint.RULE, "customer_id",
                "null", "customer_id is null but required"));
    }

    @Test
    void emptyStringsAndZerosAreValues() {
        ConstraintResult result = new NotNullConstraint("x").evaluate(Rows.column("x", "", 0, false));

        assertThat(result.unexpected()).isZero();
        assertThat(result.success()).isTrue();
        assertThat(result.observed()).isEqualTo("0 of 3 null (0%)");
    }

    @Test
    void mostlyToleratesAFractionOfFailures() {
        List<Object> fiveNullsInOneHundred = Stream.concat(Collections.nCopies(95, (Object) "v").stream(),
                Collections.nCopies(5, Rows.MISSING).stream()).toList();
        List<Object> sixNulls = Stream.concat(Collections.nCopies(94, (Object) "v").stream(),
                Collections.nCopies(6, Rows.MISSING).stream()).toList();
        NotNullConstraint mostly95 = new NotNullConstraint("x", 0.95);

        ConstraintResult tolerated = mostly95.evaluate(Rows.column("x", fiveNullsInOneHundred.toArray()));
        ConstraintResult tooMany = mostly95.evaluate(Rows.column("x", sixNulls.toArray()));

        assertThat(tolerated.success()).isTrue();
        assertThat(tolerated.observed()).isEqualTo("5 of 100 null (5%)");
        assertThat(tolerated.rowFailures()).hasSize(5);
        assertThat(tolerated.rowFailures().get(95).reason()).isEqualTo("x is null");
        assertThat(tooMany.success()).isFalse();
    }

    @Test
    void tinySharesAreNotRoundedToZero() {
        List<Object> oneNullInTwoThousand = Stream.concat(Collections.nCopies(1999, (Object) 1).stream(),
                Stream.of((Object) null)).toList();

        ConstraintResult result = new NotNullConstraint("x").evaluate(Rows.column("x", oneNullInTwoThousand.toArray()));

        assertThat(result.observed()).isEqualTo("1 of 2000 null (<0.1%)");
    }

    @Test
    void anEmptyBatchSucceeds() {
        ConstraintResult result = new NotNullConstraint("x").evaluate(List.of());

        assertThat(result.evaluated()).isZero();
        assertThat(result.success()).isTrue();
        assertThat(result.observed()).isEqualTo("no rows");
    }

    @Test
    void mostlyMustBeAFraction() {
        assertThatThrownBy(() -> new NotNullConstraint("x", 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mostly must be between 0 and 1, got 1.5");
    }
}
