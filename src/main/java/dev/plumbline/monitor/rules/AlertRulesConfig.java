package dev.plumbline.monitor.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The alert rules' thresholds: DESIGN.md's defaults, overridden per team and then per dataset
 * ({@code plumbline.alert.rules.teams."payments-data".psi=0.25},
 * {@code plumbline.alert.rules.datasets.transactions.critical=true}).
 */
@ConfigMapping(prefix = "plumbline.alert.rules")
public interface AlertRulesConfig {

    /** How often the rules are evaluated ({@code off} disables the schedule, as the tests do). */
    @WithDefault("15s")
    String evaluationInterval();

    /** How long a condition must hold before its alert fires; until then it is pending. */
    @WithName("for")
    @WithDefault("1m")
    Duration forDuration();

    /** Ingestion lag (the latest batch's median event-to-ingestion delay) above which a dataset alerts. */
    @WithDefault("5m")
    Duration ingestionLag();

    /** The same for a dataset fed by batch drops (one within the last 7 days), whose events wait for their file. */
    @WithDefault("1h")
    Duration batchIngestionLag();

    /** How long a dataset may go without a new record before it alerts as stale. */
    @WithDefault("5m")
    Duration staleness();

    /** Pass rate (over {@code pass-rate-window}) below which a critical dataset alerts. */
    @WithDefault("0.99")
    double passRate();

    /** The span of validation runs the pass rate is computed over. */
    @WithDefault("15m")
    Duration passRateWindow();

    /** PSI above which a column's drift alerts. */
    @WithDefault("0.2")
    double psi();

    /** Whether datasets are critical sources (the pass-rate rule watches only critical ones). */
    @WithDefault("false")
    boolean critical();

    /** Overrides per owning team. */
    Map<String, Overrides> teams();

    /** Overrides per dataset, which win over their team's. */
    Map<String, Overrides> datasets();

    /** Any of the thresholds above, for one team or dataset. */
    interface Overrides {
        @WithName("for")
        Optional<Duration> forDuration();

        Optional<Duration> ingestionLag();

        Optional<Duration> staleness();

        OptionalDouble passRate();

        OptionalDouble psi();

        Optional<Boolean> critical();
    }
}
