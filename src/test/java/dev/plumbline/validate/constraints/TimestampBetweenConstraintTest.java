package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.Rows;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TimestampBetweenConstraintTest {

    private static final LocalDateTime Y2K = LocalDateTime.of(2000, 1, 1, 0, 0);

    @Test
    void comparesInTimeNotAsText() {
        var rows = Rows.column("ts", "1999-12-31T23:00:00-02:00", "1999-12-31 23:59:59", "2000-01-01",
                "2000-01-01T00:00:01Z", "yesterday", null);

        ConstraintResult result = new TimestampBetweenConstraint("ts", null, Y2K, false, false, 1.0).evaluate(rows);

        assertThat(result.evaluated()).isEqualTo(5);
        assertThat(result.rowFailures()).containsOnlyKeys(0, 3, 4);
        assertThat(result.rowFailures().get(0).reason()).endsWith("is after the maximum 2000-01-01T00:00:00");
        assertThat(result.rowFailures().get(4).reason()).endsWith("is not an ISO-8601 timestamp");
    }

    @Test
    void strictBoundsExcludeThemselves() {
        var rows = Rows.column("ts", "2000-01-01T00:00:00");

        assertThat(new TimestampBetweenConstraint("ts", Y2K, null, true, false, 1.0).evaluate(rows).success())
                .isFalse();
        assertThat(new TimestampBetweenConstraint("ts", Y2K, Y2K, false, false, 1.0).evaluate(rows).success())
                .isTrue();
    }

    @Test
    void refusesBoundsOutOfOrder() {
        assertThatThrownBy(() -> new TimestampBetweenConstraint("ts", Y2K, Y2K.minusDays(1), false, false, 1.0))
                .hasMessageContaining("is after max_value");
    }

    @Test
    void readsOffsetsLocalTimesAndDates() {
        assertThat(Timestamps.utc(TextNode.valueOf("2000-01-01T01:00:00+01:00"))).isEqualTo(Y2K);
        assertThat(Timestamps.utc(TextNode.valueOf("2000-01-01"))).isEqualTo(Y2K);
        assertThat(Timestamps.utc(TextNode.valueOf("Jan 01 2000"))).isNull();
        assertThat(Timestamps.iso(Y2K)).isEqualTo("2000-01-01T00:00:00");
    }
}
