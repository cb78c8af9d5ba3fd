package dev.plumbline.validate.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
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

    /** Every key of the rows to look up: the dataset's own unique keys and the foreign keys' targets. */
    Set<KeyProbe> probes(List<JsonNode> rows) {
        Set<KeyProbe> probes = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            for (String column : rules.uniqueColumns()) {
                String key = KeyText.of(ColumnValues.field(row, column));
                if (key != null) {
                    probes.add(new KeyProbe(dataset, column, key));
                }
            }
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
        List<Tally> unique = rules.uniqueColumns().stream().map(c -> new Tally(UNIQUE, c)).toList();
        List<Tally> references = rules.references().stream().map(r -> new Tally(REFERENCE, r.column())).toList();
        Map<KeyProbe, StagedRecord> acceptedHere = new HashMap<>();
        List<KeyRegistration> registrations = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            StagedRecord record = records.get(i);
            Map<String, String> keys = new HashMap<>();
            boolean failed = false;
            for (Tally tally : unique) {
                JsonNode value = ColumnValues.field(rows.get(i), tally.column);
                String key = KeyText.of(value);
                if (key != null) {
                    keys.put(tally.column, key);
                    failed |= tally.judge(i, value, duplicate(record, found, acceptedHere, tally.column, key));
                }
            }
            for (int r = 0; r < references.size(); r++) {
                JsonNode value = ColumnValues.field(rows.get(i), references.get(r).column);
                String key = KeyText.of(value);
                if (key != null) {
                    failed |= references.get(r).judge(i, value, missing(rules.references().get(r), key, found,
                            acceptedHere));
                }
            }
            if (!failed && !rejected.contains(i)) {
                keys.forEach((column, key) -> {
                    KeyProbe probe = new KeyProbe(dataset, column, key);
                    acceptedHere.put(probe, record);
                    if (!found.containsKey(probe)) {
                        registrations.add(new KeyRegistration(column, key, record.id()));
                    }
                });
            }
        }
        List<ConstraintResult> results = new ArrayList<>();
        unique.forEach(tally -> results.add(tally.result("keys new", "already accepted")));
        for (int r = 0; r < references.size(); r++) {
            String target = rules.references().get(r).target();
            results.add(references.get(r).result("found in " + target, "not found in " + target));
        }
        return new Verdict(results, registrations);
    }

    /** Why the key is a duplicate, or null when it is not (a record never duplicates itself). */
    private String duplicate(StagedRecord record, Map<KeyProbe, KeyHolder> found,
            Map<KeyProbe, StagedRecord> acceptedHere, String column, String key) {
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

    private String missing(Reference reference, String key, Map<KeyProbe, KeyHolder> found,
            Map<KeyProbe, StagedRecord> acceptedHere) {
        KeyProbe probe = new KeyProbe(reference.dataset(), reference.targetColumn(), key);
        return found.containsKey(probe) || acceptedHere.containsKey(probe) ? null
                : reference.column() + " " + KeyText.quoted(key) + " is not among the accepted keys of "
                        + reference.target();
    }

    /** One rule's findings over the batch. */
    private static final class Tally {
        private final String rule;
        private final String column;
        private final Map<Integer, RowFailure> failures = new HashMap<>();
        private int evaluated;
        private String example;

        private Tally(String rule, String column) {
            this.rule = rule;
            this.column = column;
        }

        /** Counts a key; returns whether it failed. */
        boolean judge(int row, JsonNode value, String reason) {
            evaluated++;
            if (reason == null) {
                return false;
            }
            String json = value.toString();
            failures.put(row, new RowFailure(rule, column, json, reason));
            example = example == null ? json : example;
            return true;
        }

        ConstraintResult result(String passing, String failing) {
            String observed = evaluated == 0 ? "no values" : failures.isEmpty() ? "all " + evaluated + " " + passing
                    : failures.size() + " of " + evaluated + " " + failing + ", e.g. " + example;
            return new ConstraintResult(rule, column, 1.0, evaluated, failures.size(), failures.isEmpty(), observed,
                    null, failures);
        }
    }
}
