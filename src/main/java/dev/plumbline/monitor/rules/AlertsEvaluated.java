package dev.plumbline.monitor.rules;

import java.time.Instant;
import java.util.List;

/**
 * The rules were evaluated at {@code at}, with these alerts changing state. Fired inside the evaluation's
 * transaction, so that what observers write (notifications) commits or rolls back with the change.
 */
public record AlertsEvaluated(Instant at, List<AlertChange> changes) {
}
