package dev.plumbline.validate;

import dev.plumbline.contract.ActiveContract;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.BatchValidated.RejectedRecord;
import dev.plumbline.validate.history.ValidationHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Checks records again, outside the micro-batch they arrived in, against a dataset's active contract: the
 * records given are evaluated together as one batch, and those that fail come back with their new reasons.
 * Rules over a batch (mean, row count, ...) are computed over these records and do not reject any of them.
 * Key rules judge each record against the dataset's history, and the keys of records that pass enter it, in the
 * caller's transaction: a record whose parent arrived late passes now and holds its own key from then on.
 */
@ApplicationScoped
public class Revalidator {

    private final CompiledChecks checks;
    private final ValidationHistory history;

    public Revalidator(CompiledChecks checks, ValidationHistory history) {
        this.checks = checks;
        this.history = history;
    }

    public List<RejectedRecord> rejected(ActiveContract contract, List<StagedRecord> records) {
        return BatchEvaluation.of(records, checks.of(contract), contract.eventTimeField(),
                history.forRecords(contract)).rejected();
    }
}
