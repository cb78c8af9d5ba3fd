package dev.plumbline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.analyzers.Maximum;
import dev.plumbline.validate.analyzers.Mean;
import dev.plumbline.validate.constraints.BetweenConstraint;
import dev.plumbline.validate.constraints.Bounds;
import dev.plumbline.validate.constraints.MetricBetweenConstraint;
import dev.plumbline.validate.constraints.NotNullConstraint;
import dev.plumbline.validate.constraints.UniqueConstraint;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnarRowsTest {

    private static final List<JsonNode> ROWS = Rows.json(
            "{'id': 'a', 'amount': 5}",
            "{'id': 'b', 'amount': null}",
            "{'id': 'a', 'amount': 12.5, 'note': 'x'}",
            "{'amount': -1}");

    @Test
    void columnHoldsEachRowsValueInRowOrderWithMissingAndNullFieldsAsFieldGivesThem() {
        ColumnarRows batch = ColumnarRows.of(ROWS, List.of("amount", "note"));

        assertThat(ColumnValues.column(batch, "amount")).containsExactly(ROWS.get(0).get("amount"),
                ROWS.get(1).get("amount"), ROWS.get(2).get("amount"), ROWS.get(3).get("amount"));
        assertThat(ColumnValues.column(batch, "note")).extracting(JsonNode::isMissingNode)
                .containsExactly(true, true, false, true);
        assertThat(ColumnValues.column(batch, "id")).as("a column not read up front is read on demand")
                .extracting(ColumnValues::isNull).containsExactly(false, false, false, true);
        assertThat(batch).containsExactlyElementsOf(ROWS);
    }

    @Test
    void checkJudgesColumnarBatchesExactlyAsEachConstraintJudgesThePlainRows() {
        List<Constraint> constraints = List.of(new NotNullConstraint("id"), new UniqueConstraint("id"),
                new BetweenConstraint("amount", BigDecimal.ZERO, BigDecimal.TEN),
                new MetricBetweenConstraint("expect_column_mean_to_be_between", "amount", "mean",
                        new Mean("amount"), Bounds.unbounded()),
                new MetricBetweenConstraint("expect_column_max_to_be_between", "amount", "max",
                        new Maximum("amount"), Bounds.unbounded()));

        VerificationResult result = new Check("payments", constraints).run(ROWS);

        assertThat(result.constraintResults()).containsExactlyElementsOf(constraints.stream()
                .map(constraint -> constraint.evaluate(ROWS)).toList());
    }
}
