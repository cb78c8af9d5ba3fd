package dev.plumbline.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.constraints.InSetConstraint;
import dev.plumbline.validate.constraints.LengthConstraint;
import dev.plumbline.validate.constraints.NotNullConstraint;
import dev.plumbline.validate.constraints.PatternConstraint;
import dev.plumbline.validate.constraints.UniqueConstraint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CheckTest {

    private static final List<JsonNode> PAYMENTS = Rows.json(
            "{'id': 'tx-1', 'currency': 'USD', 'customer_id': 'c-1'}",
            "{'id': 'tx-2', 'currency': 'JPY'}",
            "{'id': 'tx-2', 'currency': 'EUR', 'customer_id': 'c-2'}",
            "{'id': 'tx-4', 'currency': 'GBP', 'customer_id': 'c-3'}");

    private static final Check PAYMENT_CHECK = new Check("payments", List.of(
            new NotNullConstraint("customer_id"),
            new InSetConstraint("currency", Rows.values("USD", "EUR", "GBP")),
            new UniqueConstraint("id")));

    @Test
    void runEvaluatesEveryConstraintOnTheSameBatch() {
        VerificationResult result = PAYMENT_CHECK.run(PAYMENTS);

        assertThat(result.constraintResults()).extracting(ConstraintResult::rule, ConstraintResult::unexpected)
                .containsExactly(
                        tuple(NotNullConstraint.RULE, 1),
                        tuple(InSetConstraint.RULE, 1),
                        tuple(UniqueConstraint.RULE, 2));
        assertThat(result.success()).isFalse();
    }

    @Test
    void failuresAreGroupedByRowInConstraintOrder() {
        VerificationResult result = PAYMENT_CHECK.run(PAYMENTS);

        assertThat(result.failuresByRow()).containsOnlyKeys(1, 2);
        assertThat(result.failuresByRow().get(1)).extracting(RowFailure::reason).containsExactly(
                "customer_id is null but required",
                "currency = \"JPY\" is not one of USD, EUR, GBP",
                "id \"tx-2\" appears 2 times in this batch");
        assertThat(result.failuresByRow().get(2)).extracting(RowFailure::column).containsExactly("id");
        assertThat(result.failedRowCount()).isEqualTo(2);
    }

    @Test
    void toleratedFailuresStillShowWhichRowsBrokeTheRule() {
        Check tolerant = new Check("payments", List.of(new NotNullConstraint("customer_id", 0.5)));

        VerificationResult result = tolerant.run(PAYMENTS);

        assertThat(result.success()).isTrue();
        assertThat(result.failuresByRow()).containsOnlyKeys(1);
        assertThat(result.failedRowCount()).isEqualTo(1);
    }

    @Test
    void aCleanBatchSucceedsWithNoFailedRows() {
        VerificationResult result = PAYMENT_CHECK.run(List.of(PAYMENTS.get(0), PAYMENTS.get(3)));

        assertThat(result.success()).isTrue();
        assertThat(result.failuresByRow()).isEmpty();
        assertThat(result.failedRowCount()).isZero();
    }

    @Test
    void aCheckWithoutConstraintsSucceeds() {
        assertThat(new Check("empty", List.of()).run(PAYMENTS).success()).isTrue();
    }

    @Test
    void textsKeptAsRangesOfTheirPayloadsAreJudgedAsTheirStrings() throws IOException {
        // more distinct texts than the text cache samples, so that the columns are read as ranges of the payloads
        Random random = new Random(11);
        List<String> payloads = new ArrayList<>();
        List<JsonNode> trees = new ArrayList<>();
        for (int i = 0; i < BatchParallelism.MIN_ROWS + 5_000; i++) {
            String id = random.nextInt(40) == 0 ? "tx-" + random.nextInt(100) : "tx-" + (1_000 + i);
            String customer = List.of("c-" + (10_000 + i), "c-" + i, "c-\u00e9" + i, "ü-" + (10_000 + i),
                    "c-" + (10_000 + i) + "\\n", "c-" + "9".repeat(random.nextInt(80))).get(random.nextInt(6));
            String payload = "{\"id\":\"" + id + "\",\"customer\":\"" + customer + "\"}";
            payloads.add(payload);
            trees.add(RowReader.read(payload));
        }
        Check check = new Check("texts", List.of(
                new UniqueConstraint("id"),
                new UniqueConstraint("customer"),
                new PatternConstraint("expect_column_values_to_match_regex", "customer", List.of("^c-[0-9]{5}$"),
                        false, PatternConstraint.Match.ANY, 1.0),
                new PatternConstraint("expect_column_values_to_match_regex", "id", List.of("^tx-1\\d+"), false,
                        PatternConstraint.Match.ANY, 1.0),
                new LengthConstraint(LengthConstraint.BETWEEN, "customer", 3, 7, 1.0),
                new InSetConstraint("id", Rows.values("tx-1", "tx-2"))));

        VerificationResult fromText = check.run(check.rows(payloads, List.of()));
        VerificationResult fromTrees = check.run(trees);

        assertThat(fromText.constraintResults()).isEqualTo(fromTrees.constraintResults());
        assertThat(fromText.constraintResults()).allSatisfy(result -> assertThat(result.unexpected()).isPositive());
    }
}
