package dev.plumbline.validate;

import dev.plumbline.contract.ActiveContract;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.ingest.StagingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a dataset's next due micro-batch against its active contract version, in one transaction:
 * the run, its rule outcomes, the records marked validated and the quarantine entries commit together.
 */
@ApplicationScoped
public class BatchValidator {

    private final StagingRepository staging;
    private final ContractChecks checks;
    private final ValidateConfig config;
    private final Event<BatchValidated> validated;
    private final Clock clock = Clock.systemUTC();
    // Contract versions are immutable, so a compiled check never goes stale.
    private final Map<Long, Check> compiled = new ConcurrentHashMap<>();

    public BatchValidator(StagingRepository staging, ContractChecks checks, ValidateConfig config,
            Event<BatchValidated> validated) {
        this.staging = staging;
        this.checks = checks;
        this.config = config;
        this.validated = validated;
    }

    /** Validates one batch if one is due; returns whether it was full, so that more may be waiting. */
    @Transactional
    public boolean validateNextBatch(ActiveContract contract) {
        Instant startedAt = clock.instant();
        if (!due(staging.pending(contract.topic(), config.maxRecords()), startedAt)) {
            return false;
        }
        List<StagedRecord> batch = staging.claim(contract.topic(), config.maxRecords());
        if (batch.isEmpty()) {
            return false;
        }
        Check check = compiled.computeIfAbsent(contract.versionId(), id -> checks.compile(contract.contract()));
        BatchEvaluation evaluation = BatchEvaluation.of(batch, check, contract.eventTimeField());
        ValidationRun run = record(contract, evaluation, startedAt);
        staging.markValidated(batch.stream().map(StagedRecord::id).toList(), run.id);
        validated.fire(new BatchValidated(contract.datasetName(), run, evaluation.rejected()));
        return batch.size() == config.maxRecords();
    }

    private boolean due(StagingRepository.Pending pending, Instant now) {
        return pending.count() >= config.maxRecords()
                || pending.count() > 0 && !pending.oldestIngestedAt().plus(config.maxWait()).isAfter(now);
    }

    private ValidationRun record(ActiveContract contract, BatchEvaluation evaluation, Instant startedAt) {
        ValidationRun run = new ValidationRun();
        run.datasetId = contract.datasetId();
        run.contractVersionId = contract.versionId();
        run.startedAt = startedAt;
        run.finishedAt = clock.instant();
        run.recordCount = evaluation.recordCount();
        run.passedCount = evaluation.passedCount();
        run.quarantinedCount = evaluation.rejected().size();
        run.passRate = evaluation.passRate();
        run.lagP50Ms = evaluation.lag().p50Millis();
        run.lagMaxMs = evaluation.lag().maxMillis();
        run.success = evaluation.success();
        run.persist();
        RuleOutcome.persistAll(run.id, evaluation.results());
        return run;
    }
}
