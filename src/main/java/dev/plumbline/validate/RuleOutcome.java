package dev.plumbline.validate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.util.List;
import org.hibernate.Session;

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

    /**
     * Writes the outcomes of one run as one JDBC batch, a single round trip: an entity with an identity key is
     * inserted one statement at a time, and a run has an outcome per rule. Keep the columns in step with the fields.
     */
    static void persistAll(long runId, List<ConstraintResult> results) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO rule_result (validation_run_id, rule, column_name, evaluated, unexpected, success,
                                             observed, observed_value)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
                for (ConstraintResult result : results) {
                    RuleOutcome outcome = of(runId, result);
                    insert.setLong(1, outcome.validationRunId);
                    insert.setString(2, outcome.rule);
                    insert.setString(3, outcome.column);
                    insert.setInt(4, outcome.evaluated);
                    insert.setInt(5, outcome.unexpected);
                    insert.setBoolean(6, outcome.success);
                    insert.setString(7, outcome.observed);
                    insert.setString(8, result.observedValue() == null ? null : result.observedValue().toString());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

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
