package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrftimeConstraintTest {

    private static StrftimeConstraint format(String format) {
        return new StrftimeConstraint("day", new StrftimeFormat(format), 1.0);
    }

    @Test
    void valuesMustBeInTheFormatAndExist() {
        ConstraintResult result = format("%Y-%m-%d").evaluate(Rows.column("day", "2019-04-01", "2019-4-1",
                "20190401", "2019-02-30", "2019-04-01 ", null, 20190401));

        assertThat(result.evaluated()).isEqualTo(6);
        assertThat(result.rowFailures()).containsOnlyKeys(2, 3, 4, 6);
        assertThat(result.rowFailures().get(3).reason())
                .isEqualTo("day = \"2019-02-30\" is not a date in the format %Y-%m-%d");
        assertThat(result.rowFailures().get(6).reason()).isEqualTo("day = 20190401 is not a string");
        assertThat(result.observed()).isEqualTo("4 of 6 not in the format %Y-%m-%d (66.7%)");
    }

    @Test
    void timesMonthNamesAndOffsetsAreChecked() {
        var rows = Rows.column("day", "14 Mar 2024 09:30:00 +0100", "14 Foo 2024 09:30:00 +0100",
                "14 Mar 2024 24:30:00 +0100");

        assertThat(format("%d %b %Y %H:%M:%S %z").evaluate(rows).rowFailures()).containsOnlyKeys(1, 2);
    }

    @Test
    void directivesPythonCannotParseAreRefused() {
        assertThatThrownBy(() -> new StrftimeFormat("%D"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unable to use provided strftime_format \"%D\": unsupported directive %D");
    }
}
