package dev.plumbline.monitor.rules;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Evaluates every {@link AlertRuleSource} on a schedule, as one replica at a time (an advisory lock), and moves
 * each condition's alert through pending → firing → resolved: one alert per condition, however many
 * evaluations see it.
 */
@ApplicationScoped
public class AlertEvaluator {

    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class);

    private final Instance<AlertRuleSource> sources;
    private final AlertStore store;
    private final AdvisoryLocks locks;
    private final Event<AlertsEvaluated> evaluated;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    public AlertEvaluator(@Any Instance<AlertRuleSource> sources, AlertStore store, AdvisoryLocks locks,
            Event<AlertsEvaluated> evaluated) {
        this.sources = sources;
        this.store = store;
        this.locks = locks;
        this.evaluated = evaluated;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${plumbline.alert.rules.evaluation-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!stopping) {
            evaluate(clock.instant());
        }
    }

    /** Evaluates the rules as of {@code now}; returns the changes, or nothing when another replica is at it. */
    @Transactional
    public List<AlertChange> evaluate(Instant now) {
        if (!locks.tryForTransaction(AdvisoryLocks.ALERT_EVALUATION)) {
            LOG.debugf("alert evaluation at %s skipped: another replica holds the lock", now);
            return List.of();
        }
        Map<String, AlertCondition> holding = new LinkedHashMap<>();
        for (AlertRuleSource source : sources) {
            source.conditions(now).forEach(c -> holding.putIfAbsent(c.fingerprint(), c));
        }
        Map<String, Alert> open = store.open().stream()
                .collect(Collectors.toMap(Alert::fingerprint, Function.identity()));
        List<AlertChange> changes = new ArrayList<>();
        holding.values().forEach(condition -> hold(condition, open.get(condition.fingerprint()), now, changes));
        open.values().stream().filter(alert -> !holding.containsKey(alert.fingerprint()))
                .forEach(alert -> end(alert, now, changes));
        evaluated.fire(new AlertsEvaluated(now, List.copyOf(changes)));
        LOG.debugf("alert evaluation at %s: %d conditions hold, %d changes", now, holding.size(), changes.size());
        return changes;
    }

    private void hold(AlertCondition condition, Alert open, Instant now, List<AlertChange> changes) {
        boolean due = open != null && !now.isBefore(open.activeSince().plus(condition.forDuration()));
        if (open == null) {
            AlertState state = condition.forDuration().isZero() ? AlertState.FIRING : AlertState.PENDING;
            long id = store.insert(condition, state, now);
            if (state == AlertState.FIRING) {
                changes.add(new AlertChange(store.get(id), AlertState.FIRING));
            }
        } else if (open.state() == AlertState.PENDING && due) {
            store.update(open, AlertState.FIRING, condition, now);
            changes.add(new AlertChange(store.get(open.id()), AlertState.FIRING));
        } else {
            store.update(open, open.state(), condition, now);
        }
    }

    private void end(Alert alert, Instant now, List<AlertChange> changes) {
        if (alert.state() == AlertState.PENDING) {
            store.delete(alert);
        } else {
            store.update(alert, AlertState.RESOLVED, null, now);
            changes.add(new AlertChange(store.get(alert.id()), AlertState.RESOLVED));
        }
    }
}
