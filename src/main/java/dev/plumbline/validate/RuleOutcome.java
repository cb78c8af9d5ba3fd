package dev.plumbline.validate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How one rule fared in one validation run, with what was observed. */
@Entity
@Table(name = "rule_result")
public class RuleOutcome extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "validation_run_id")
    public long validationRunId;

    public String rule;

    @Column(name = "column_name")
    public String column;

    public int evaluated;

    public int unexpected;

    public boolean success;

    public String observed;

    static RuleOutcome of(long runId, ConstraintResult result) {
        RuleOutcome outcome = new RuleOutcome();
        outcome.validationRunId = runId;
        outcome.rule = result.rule();
        outcome.column = result.column();
        outcome.evaluated = result.evaluated();
        outcome.unexpected = result.unexpected();
        outcome.success = result.success();
        outcome.observed = result.observed();
        return outcome;
    }
}
