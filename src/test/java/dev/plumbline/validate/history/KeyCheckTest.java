package dev.plumbline.validate.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.ingest.Payload;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Key rules judged on a batch, given what the history already holds; no database. */
class KeyCheckTest {

    private static final KeyRules ORDER_KEYS = new KeyRules("orders", List.of("order_id"),
            List.of(new Reference("customer_id", "customers", "customer_id", "schema[0].properties[1]", 12)));

    private final KeyCheck check = new KeyCheck("orders", ORDER_KEYS);

    @Test
    void aKeyAcceptedFromAnotherRecordIsADuplicateNamingThatRecord() {
        List<JsonNode> rows = Rows.json("{'order_id': 'o1'}", "{'order_id': 'o2'}");
        Map<KeyProbe, KeyHolder> found = Map.of(probe("o1"), new KeyHolder(7, "orders", 0, 41L));

        KeyCheck.Verdict verdict = check.judge(records(2), rows, Set.of(), found);

        ConstraintResult unique = verdict.results().get(0);
        assertThat(unique.rule()).isEqualTo("expect_column_values_to_be_unique_in_history");
        assertThat(unique.unexpected()).isEqualTo(1);
        assertThat(unique.observed()).isEqualTo("1 of 2 already accepted, e.g. \"o1\"");
        assertThat(unique.rowFailures().get(0).reason())
                .isEqualTo("order_id \"o1\" was already accepted from staged record 7 (orders, partition 0, offset 41)");
        assertThat(verdict.registrations()).containsExactly(new KeyRegistration("order_id", "o2", 101));
    }

    @Test
    void aRecordValidatedAgainDoesNotDuplicateItself() {
        List<JsonNode> rows = Rows.json("{'order_id': 'o1'}");
        Map<KeyProbe, KeyHolder> found = Map.of(probe("o1"), new KeyHolder(100, "orders", 0, 0L));

        KeyCheck.Verdict verdict = check.judge(records(1), rows, Set.of(), found);

        assertThat(verdict.results().get(0).success()).isTrue();
        assertThat(verdict.registrations()).isEmpty();
    }

    @Test
    void theSecondOfTwoEqualKeysInABatchIsTheDuplicate() {
        List<JsonNode> rows = Rows.json("{'order_id': 7}", "{'order_id': 7.0}", "{'order_id': '8'}");

        KeyCheck.Verdict verdict = check.judge(records(3), rows, Set.of(), Map.of());

        assertThat(verdict.results().get(0).rowFailures()).containsOnlyKeys(1);
        assertThat(verdict.results().get(0).rowFailures().get(1).reason()).isEqualTo(
                "order_id \"7\" was already accepted from staged record 100 (orders, partition 0, offset 0) in this batch");
        assertThat(verdict.registrations()).extracting(KeyRegistration::key).containsExactly("7", "8");
    }

    @Test
    void onlyAcceptedRecordsEnterTheHistorySoALaterCopyOfARejectedOneIsAccepted() {
        List<JsonNode> rows = Rows.json("{'order_id': 'o1', 'amount': -1}", "{'order_id': 'o1'}");

        KeyCheck.Verdict verdict = check.judge(records(2), rows, Set.of(0), Map.of());

        assertThat(verdict.results().get(0).success()).isTrue();
        assertThat(verdict.registrations()).containsExactly(new KeyRegistration("order_id", "o1", 101));
    }

    @Test
    void aForeignKeyMissingFromTheTargetRejectsTheRecordAndKeepsItsOwnKeyOut() {
        List<JsonNode> rows = Rows.json("{'order_id': 'o1', 'customer_id': 'c1'}",
                "{'order_id': 'o2', 'customer_id': 'c9'}", "{'order_id': 'o3'}");
        Map<KeyProbe, KeyHolder> found = Map.of(new KeyProbe("customers", "customer_id", "c1"),
                new KeyHolder(3, "customers", 0, 2L));

        KeyCheck.Verdict verdict = check.judge(records(3), rows, Set.of(), found);

        ConstraintResult reference = verdict.results().get(1);
        assertThat(reference.rule()).isEqualTo("expect_column_values_to_reference_existing_keys");
        assertThat(reference.column()).isEqualTo("customer_id");
        assertThat(reference.evaluated()).isEqualTo(2);
        assertThat(reference.rowFailures()).containsOnlyKeys(1);
        assertThat(reference.rowFailures().get(1).reason())
                .isEqualTo("customer_id \"c9\" is not among the accepted keys of customers.customer_id");
        assertThat(reference.observed()).isEqualTo("1 of 2 not found in customers.customer_id, e.g. \"c9\"");
        assertThat(verdict.registrations()).extracting(KeyRegistration::key).containsExactly("o1", "o3");
    }

    @Test
    void aParentAcceptedEarlierInTheSameBatchSatisfiesAReferenceToTheSameDataset() {
        KeyCheck tree = new KeyCheck("nodes", new KeyRules("nodes", List.of("id"),
                List.of(new Reference("parent", "nodes", "id", "schema[0].properties[1]", 9))));
        List<JsonNode> rows = Rows.json("{'id': 'root'}", "{'id': 'leaf', 'parent': 'root'}",
                "{'id': 'orphan', 'parent': 'nowhere'}");

        KeyCheck.Verdict verdict = tree.judge(records(3), rows, Set.of(), Map.of());

        assertThat(verdict.results().get(1).rowFailures()).containsOnlyKeys(2);
        assertThat(tree.referenceProbes(rows)).containsExactly(new KeyProbe("nodes", "id", "root"),
                new KeyProbe("nodes", "id", "nowhere"));
    }

    private static KeyProbe probe(String key) {
        return new KeyProbe("orders", "order_id", key);
    }

    private static List<StagedRecord> records(int count) {
        List<StagedRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new StagedRecord(100 + i, "orders", 0, i, null, new Payload("{}", null, null),
                    Instant.EPOCH));
        }
        return records;
    }
}
