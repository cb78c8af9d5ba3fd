package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotInSetConstraintTest {

    @Test
    void valuesInTheForbiddenSetAreUnexpected() {
        ConstraintResult result = new NotInSetConstraint("status", Rows.values("deleted", 0), 1.0)
                .evaluate(Rows.json("{'status': 'active'}", "{'status': 'deleted'}", "{'status': 0.0}",
                        "{'status': '0'}", "{'status': null}"));

        assertThat(result.evaluated()).isEqualTo(4);
        assertThat(result.rowFailures()).containsOnlyKeys(1, 2);
        assertThat(result.rowFailures().get(1).reason()).isEqualTo("status = \"deleted\" is one of the forbidden values");
        assertThat(result.observed()).isEqualTo("2 of 4 in the forbidden set (50%)");
    }

    @Test
    void anEmptySetOrANullInItForbidsNothing() {
        var rows = Rows.column("status", "a", null);

        assertThat(new NotInSetConstraint("status", List.of(), 1.0).evaluate(rows).success()).isTrue();
        assertThat(new NotInSetConstraint("status", Rows.values((Object) null), 1.0).evaluate(rows).success())
                .isTrue();
    }

    @Test
    void theSetHoldsScalars() {
        assertThatThrownBy(() -> new NotInSetConstraint("s", Rows.values(List.of(1)), 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
