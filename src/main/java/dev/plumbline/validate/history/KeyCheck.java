package dev.plumbline.validate.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ConstraintResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a batch's records on a contract's {@link KeyRules}, given the keys found in the history: a key already
 * accepted from another staged record (earlier, or earlier in this batch) breaks uniqueness, a foreign key not
 * among the target's accepted keys breaks the reference. Records go in staging order; a record is accepted when
 * no rule, in the batch or here, rejected it, and only accepted records register their keys. Pure: the
 * {@link KeyStore} does the looking up and registering.
 */
final class KeyCheck {

    static final String UNIQUE = "expect_column_values_to_be_unique_in_history";
    static final String REFERENCE = "expect_column_values_to_reference_existing_keys";

    private final String dataset;
    private final KeyRules rules;

    /** Checks the key rules of {@code dataset}, as it is registered. */
    KeyCheck(String dataset, KeyRules rules) {
        this.dataset = dataset;
        this.rules = rules;
    }

    /** What was found, per rule, and the keys to register. */
    record Verdict(List<ConstraintResult> results, List<KeyRegistration> registrations) {
    }

    /**
     * The foreign keys of the rows, to look up in their targets before judging. The dataset's own unique keys need
     * no lookup: registering them finds those already held (see {@link StoredHistory}).
     */
    Set<KeyProbe> referenceProbes(List<JsonNode> rows) {
        Set<KeyProbe> probes = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            for (Reference reference : rules.references()) {
                String key = KeyText.of(ColumnValues.field(row, reference.column()));
                if (key != null) {
                    probes.add(new KeyProbe(reference.dataset(), reference.targetColumn(), key));
                }
            }
        }
        return probes;
    }

    Verdict judge(List<StagedRecord> records, List<JsonNode> rows, Set<Integer> rejected,
            Map<KeyProbe, KeyHolder> found) {
        Pass pass = new Pass(found);
        for (int i = 0; i < rows.size(); i++) {
            pass.judge(i, records.get(i), rows.get(i), rejected.contains(i));
        }
        return pass.verdict();
    }

    /** One pass over a batch in staging order: what each rule found, and the keys accepted so far. */
    private final class Pass {
        private final Map<KeyProbe, KeyHolder> found;
        private final List<KeyTally> unique = rules.uniqueColumns().stream().map(c -> new KeyTally(UNIQUE, c)).toList();
        private final List<KeyTally> references = rules.references().stream()
                .map(r -> new KeyTally(REFERENCE, r.column())).toList();
        private final Map<KeyProbe, StagedRecord> acceptedHere = new HashMap<>();
        private final List<KeyRegistration> registrations = new ArrayList<>();

        private Pass(Map<KeyProbe, KeyHolder> found) {
            this.found = found;
        }

        void judge(int row, StagedRecord record, JsonNode values, boolean rejectedInBatch) {
            Map<String, String> keys = new HashMap<>();
            boolean failed = false;
            for (KeyTally tally : unique) {
                JsonNode value = ColumnValues.field(values, tally.column());
                String key = KeyText.of(value);
                if (key != null) {
                    keys.put(tally.column(), key);
                    failed |= tally.judge(row, value, duplicate(record, tally.column(), key));
                }
            }
            for (int r = 0; r < references.size(); r++) {
                JsonNode value = ColumnValues.field(values, references.get(r).column());
                String key = KeyText.of(value);
                if (key != null) {
                    failed |= references.get(r).judge(row, value, missing(rules.references().get(r), key));
                }
            }
            if (!failed && !rejectedInBatch) {
                keys.forEach((column, key) -> accept(record, new KeyProbe(dataset, column, key)));
            }
        }

        private void accept(StagedRecord record, KeyProbe probe) {
            acceptedHere.put(probe, record);
            if (!found.containsKey(probe)) {
                registrations.add(new KeyRegistration(probe.column(), probe.key(), record.id()));
            }
        }

        /** Why the key is a duplicate, or null when it is not (a record never duplicates itself). */
        private String duplicate(StagedRecord record, String column, String key) {
            KeyProbe probe = new KeyProbe(dataset, column, key);
            KeyHolder holder = found.get(probe);
            if (holder != null && holder.stagedRecordId() != record.id()) {
                return column + " " + KeyText.quoted(key) + " was already accepted from " + holder.describe();
            }
            StagedRecord earlier = acceptedHere.get(probe);
            return earlier == null ? null : column + " " + KeyText.quoted(key) + " was already accepted from "
                    + new KeyHolder(earlier.id(), earlier.topic(), earlier.partition(), earlier.offset()).describe()
                    + " in this batch";
        }

        private String missing(Reference reference, String key) {
            KeyProbe probe = new KeyProbe(reference.dataset(), reference.targetColumn(), key);
            return found.containsKey(probe) || acceptedHere.containsKey(probe) ? null
                    : reference.column() + " " + KeyText.quoted(key) + " is not among the accepted keys of "
                            + reference.target();
        }

        Verdict verdict() {
            List<ConstraintResult> results = new ArrayList<>();
            unique.forEach(tally -> results.add(tally.result("keys new", "already accepted")));
            for (int r = 0; r < references.size(); r++) {
                String target = rules.references().get(r).target();
                results.add(references.get(r).result("found in " + target, "not found in " + target));
            }
            return new Verdict(results, registrations);
        }
    }
}
