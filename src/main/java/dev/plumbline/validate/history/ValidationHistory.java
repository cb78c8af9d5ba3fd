package dev.plumbline.validate.history;

import dev.plumbline.contract.ActiveContract;
import dev.plumbline.validate.BatchEvaluation;
import dev.plumbline.validate.BatchHistory;
import dev.plumbline.validate.ValidationRun;
import dev.plumbline.validate.freshness.LatencyCheck;
import dev.plumbline.validate.freshness.ServiceLevels;
import dev.plumbline.validate.window.StateRepository;
import dev.plumbline.validate.window.WindowStates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What validation knows beyond one batch, per dataset: accepted keys, persisted analyzer states and service
 * levels. Gives the {@link BatchHistory} a batch (or a released record) is judged with, and records a run's
 * states; all within the caller's transaction.
 */
@ApplicationScoped
public class ValidationHistory {

    private final KeyStore keys;
    private final StateRepository states;
    // Contract versions are immutable, so their rules never go stale.
    private final Map<Long, Rules> compiled = new ConcurrentHashMap<>();

    private record Rules(KeyRules keys, LatencyCheck latency) {
    }

    public ValidationHistory(KeyStore keys, StateRepository states) {
        this.keys = keys;
        this.states = states;
    }

    /** The history a micro-batch is judged with at {@code now}: windows, latency SLA and key rules. */
    public BatchHistory forBatch(ActiveContract contract, Instant now) {
        Rules rules = rules(contract);
        return new StoredHistory(contract, rules.keys(), rules.latency(), keys,
                windowed -> states.window(contract.datasetId(), windowed.analyzer(), windowed.window(), now));
    }

    /**
     * The history for re-validating single records (a quarantine release): the key rules only, record-level as
     * they are; keys of records accepted now are registered. Windows and latency judge batches, not records.
     */
    public BatchHistory forRecords(ActiveContract contract) {
        return new StoredHistory(contract, rules(contract).keys(), null, keys,
                windowed -> WindowStates.NONE);
    }

    /** Saves a validated batch's analyzer states with its run, for later windows. */
    public void recorded(ValidationRun run, BatchEvaluation evaluation) {
        states.save(run.datasetId, run.id, run.finishedAt, evaluation.states());
    }

    private Rules rules(ActiveContract contract) {
        return compiled.computeIfAbsent(contract.versionId(), id -> {
            ServiceLevels levels = ServiceLevels.read(contract.contract(), new ArrayList<>());
            return new Rules(KeyRules.read(contract.contract()), levels.latency() == null ? null
                    : new LatencyCheck(levels.latencyColumn(), levels.latency()));
        });
    }
}
