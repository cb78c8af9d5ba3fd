package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeListConstraintTest {

    @Test
    void aValueOfAnyListedTypePasses() {
        ConstraintResult result = new TypeListConstraint("v", List.of(LogicalType.STRING, LogicalType.INTEGER), 1.0)
                .evaluate(Rows.json("{'v': 'a'}", "{'v': 1}", "{'v': 1.5}", "{'v': true}", "{'v': null}"));

        assertThat(result.evaluated()).isEqualTo(4);
        assertThat(result.rowFailures()).containsOnlyKeys(2, 3);
        assertThat(result.rowFailures().get(2).reason()).isEqualTo("v = 1.5 is not a string or an integer");
        assertThat(result.observed()).isEqualTo("2 of 4 not of the types string, integer (50%)");
    }

    @Test
    void noTypesAcceptsEverything() {
        assertThat(new TypeListConstraint("v", List.of(), 1.0).evaluate(Rows.column("v", 1, "a")).success())
                .isTrue();
    }

    @Test
    void pandasTypeNamesReadAsLogicalTypes() {
        assertThat(LogicalType.ofExpectationName("int64")).contains(LogicalType.INTEGER);
        assertThat(LogicalType.ofExpectationName("float")).contains(LogicalType.NUMBER);
        assertThat(LogicalType.ofExpectationName("str")).contains(LogicalType.STRING);
        assertThat(LogicalType.ofExpectationName("timestamp")).contains(LogicalType.TIMESTAMP);
        assertThat(LogicalType.ofExpectationName("varchar")).isEmpty();
        assertThat(LogicalType.of("int")).isEmpty();
    }
}
