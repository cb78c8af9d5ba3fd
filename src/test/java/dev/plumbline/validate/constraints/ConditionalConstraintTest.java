package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.validate.ConstraintResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionalConstraintTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void judgesOnlySelectedRowsAndReportsFailuresByTheirBatchIndex() throws Exception {
        List<JsonNode> rows = List.of(JSON.readTree("{\"x\": 1, \"y\": \"a\"}"),
                JSON.readTree("{\"x\": 9, \"y\": \"b\"}"),
                JSON.readTree("{\"x\": 20, \"y\": \"a\"}"), JSON.readTree("{\"x\": 30, \"y\": \"b\"}"));
        ConditionalConstraint rule = new ConditionalConstraint(new BetweenConstraint("x", BigDecimal.ZERO,
                BigDecimal.TEN), RowCondition.parse("y == 'a'", Set.of("x", "y")));

        ConstraintResult result = rule.evaluate(rows);

        assertThat(result.success()).isFalse();
        assertThat(result.evaluated()).isEqualTo(2);
        assertThat(result.rowFailures()).containsOnlyKeys(2);
        assertThat(result.observed()).endsWith("(in 2 of 4 rows, where y == 'a')");
        assertThat(rule.domain(rows)).hasSize(2);
    }

    @Test
    void noSelectedRowsIsVacuouslyMet() throws Exception {
        ConditionalConstraint rule = new ConditionalConstraint(new InSetConstraint("x", List.of(JSON.readTree("1"))),
                RowCondition.parse("x == '1'", Set.of("x")));

        assertThat(rule.evaluate(List.of(JSON.readTree("{\"x\": 1}"))).success()).isTrue();
    }
}
