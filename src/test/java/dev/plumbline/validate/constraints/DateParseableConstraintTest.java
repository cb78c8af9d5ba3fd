package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateParseableConstraintTest {

    @Test
    void commonDateLayoutsParse() {
        ConstraintResult result = new DateParseableConstraint("day", 1.0).evaluate(Rows.column("day", "2019-04-01",
                "01/01/2010", "Jan 01 1970 12:00:01", "2024-03-14T09:30:00Z", "14.03.2024", "March 14, 2024",
                "20240314", "2024-03-14 09:30:00"));

        assertThat(result.rowFailures()).isEmpty();
    }

    @Test
    void wordsImpossibleDatesAndNonStringsAreUnexpected() {
        ConstraintResult result = new DateParseableConstraint("day", 1.0)
                .evaluate(Rows.column("day", "cat", "2019-02-30", "13/45/2010", 20240314, null));

        assertThat(result.evaluated()).isEqualTo(4);
        assertThat(result.rowFailures()).containsOnlyKeys(0, 1, 2, 3);
        assertThat(result.rowFailures().get(0).reason()).isEqualTo("day = \"cat\" is not a date");
        assertThat(result.rowFailures().get(3).reason()).isEqualTo("day = 20240314 is not a string");
    }
}
