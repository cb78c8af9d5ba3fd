package dev.plumbline.validate;

import dev.plumbline.contract.ActiveContract;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.ingest.StagingRepository;
import dev.plumbline.validate.history.ValidationHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Validates a dataset's next due micro-batch against its active contract version, in one transaction: the run
 * with its records' ids, its rule outcomes, the topic's cursor moved past the batch, the quarantine entries, the keys
 * accepted into the dataset's history and the analyzer states for windows commit together.
 */
@ApplicationScoped
public class BatchValidator {

    private final StagingRepository staging;
    private final CompiledChecks checks;
    private final ValidateConfig config;
    private final Event<BatchValidated> validated;
    private final ValidationHistory history;
    private final Clock clock = Clock.systemUTC();

    public BatchValidator(StagingRepository staging, CompiledChecks checks, ValidateConfig config,
            Event<BatchValidated> validated, ValidationHistory history) {
        this.staging = staging;
        this.checks = checks;
        this.config = config;
        this.validated = validated;
        this.history = history;
    }

    /** Validates one batch if one is due; returns whether it was full, so that more may be waiting. */
    @Transactional
    public boolean validateNextBatch(ActiveContract contract) {
        Instant startedAt = clock.instant();
        // Claimed first and judged due afterwards: under a backlog every claim is a full batch, and a separate count
        // would read the same rows once more. A batch not yet due leaves the cursor where it was.
        StagingRepository.Claim claim = staging.claim(contract.topic(), config.maxRecords());
        List<StagedRecord> batch = claim.records();
        if (!due(batch, startedAt)) {
            return false;
        }
        BatchEvaluation evaluation = BatchEvaluation.of(batch, checks.of(contract), contract.eventTimeField(),
                history.forBatch(contract, startedAt));
        ValidationRun run = record(contract, evaluation, startedAt);
        history.recorded(run, evaluation);
        staging.markValidated(claim, run.id);
        validated.fire(new BatchValidated(contract.datasetName(), contract.version(), run, batch,
                evaluation.rejected()));
        return batch.size() == config.maxRecords();
    }

    private boolean due(List<StagedRecord> batch, Instant now) {
        return batch.size() >= config.maxRecords() || batch.stream().map(StagedRecord::ingestedAt)
                .anyMatch(ingestedAt -> !ingestedAt.plus(config.maxWait()).isAfter(now));
    }

    private ValidationRun record(ActiveContract contract, BatchEvaluation evaluation, Instant startedAt) {
        ValidationRun run = new ValidationRun();
        run.datasetId = contract.datasetId();
        run.contractVersionId = contract.versionId();
        run.startedAt = startedAt;
        // as PostgreSQL keeps it, so that what is published from memory says what the database says
        run.finishedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        run.recordCount = evaluation.recordCount();
        run.passedCount = evaluation.passedCount();
        run.quarantinedCount = evaluation.rejected().size();
        run.passRate = evaluation.passRate();
        run.lagP50Ms = evaluation.lag().p50Millis();
        run.lagMaxMs = evaluation.lag().maxMillis();
        run.newestIngestedAt = evaluation.newestIngestedAt();
        run.success = evaluation.success();
        run.persist();
        RuleOutcome.persistAll(run.id, evaluation.results());
        return run;
    }
}
