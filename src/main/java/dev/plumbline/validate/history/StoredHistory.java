package dev.plumbline.validate.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.contract.ActiveContract;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.BatchHistory;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.VerificationResult;
import dev.plumbline.validate.freshness.LatencyCheck;
import dev.plumbline.validate.window.WindowStates;
import dev.plumbline.validate.window.WindowedConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The history of one dataset as PostgreSQL keeps it, for judging one batch: window states loaded on demand, the
 * latency SLA, and the key rules, whose keys it looks up and registers in the caller's transaction.
 */
final class StoredHistory implements BatchHistory {

    // The first retry follows keys the history held already, later ones only keys lost to concurrent batches: more
    // than a few means something else is wrong.
    private static final int MAX_ATTEMPTS = 5;

    private final long datasetId;
    private final String dataset;
    private final KeyRules rules;
    private final LatencyCheck latency;
    private final KeyStore store;
    private final Function<WindowedConstraint, WindowStates> windows;

    StoredHistory(ActiveContract contract, KeyRules rules, LatencyCheck latency, KeyStore store,
            Function<WindowedConstraint, WindowStates> windows) {
        this.datasetId = contract.datasetId();
        this.dataset = contract.datasetName();
        this.rules = rules;
        this.latency = latency;
        this.store = store;
        this.windows = windows;
    }

    @Override
    public WindowStates earlier(WindowedConstraint constraint) {
        return windows.apply(constraint);
    }

    @Override
    public List<ConstraintResult> judge(List<StagedRecord> records, List<JsonNode> rows, VerificationResult inBatch) {
        List<ConstraintResult> results = new ArrayList<>();
        if (latency != null) {
            results.add(latency.evaluate(records, rows));
        }
        if (!rules.isEmpty()) {
            results.addAll(judgeKeys(records, rows, inBatch.quarantinedRows().keySet()));
        }
        return results;
    }

    /**
     * Looks the foreign keys up, judges, registers the accepted records' keys. Most keys are new, so the batch's own
     * keys are registered without a lookup first: a key that turns out held already (earlier, or by a concurrent
     * batch) is "lost", the batch is judged again knowing its holder, and keys registered for records that turn
     * out rejected are taken back.
     */
    private List<ConstraintResult> judgeKeys(List<StagedRecord> records, List<JsonNode> rows, Set<Integer> rejected) {
        KeyCheck check = new KeyCheck(dataset, rules);
        Map<KeyProbe, KeyHolder> found = store.find(check.referenceProbes(rows));
        Set<KeyRegistration> registered = new HashSet<>();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            KeyCheck.Verdict verdict = check.judge(records, rows, rejected, found);
            List<KeyRegistration> fresh = verdict.registrations().stream().filter(r -> !registered.contains(r))
                    .toList();
            List<KeyRegistration> lost = store.register(datasetId, fresh);
            fresh.stream().filter(r -> !lost.contains(r)).forEach(registered::add);
            if (lost.isEmpty()) {
                store.unregister(datasetId, registered.stream()
                        .filter(r -> !verdict.registrations().contains(r)).toList());
                return verdict.results();
            }
            found.putAll(store.find(lost.stream().map(r -> new KeyProbe(dataset, r.column(), r.key()))
                    .toList()));
        }
        throw new IllegalStateException("the keys of dataset " + dataset + " kept changing under concurrent "
                + "validation; the batch stays staged and is retried");
    }
}
