package dev.plumbline.monitor.rules;

import dev.plumbline.monitor.rules.AlertRulesConfig.Overrides;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The thresholds that apply to one dataset (its own overrides, else its team's, else the defaults) or to one
 * feature view.
 */
@ApplicationScoped
public class Thresholds {

    private final AlertRulesConfig config;

    public Thresholds(AlertRulesConfig config) {
        this.config = config;
    }

    /** The resolved thresholds of one dataset. */
    public record Applied(Duration forDuration, Duration ingestionLag, Duration staleness, double passRate,
            double psi, boolean critical) {
    }

    public Applied of(String dataset, String team) {
        Optional<Overrides> own = Optional.ofNullable(config.datasets().get(dataset));
        Optional<Overrides> teams = Optional.ofNullable(config.teams().get(team));
        return new Applied(
                pick(own, teams, Overrides::forDuration).orElse(config.forDuration()),
                pick(own, teams, Overrides::ingestionLag).orElse(config.ingestionLag()),
                pick(own, teams, Overrides::staleness).orElse(config.staleness()),
                number(own, teams, Overrides::passRate, config.passRate()),
                number(own, teams, Overrides::psi, config.psi()),
                pick(own, teams, Overrides::critical).orElse(config.critical()));
    }

    /**
     * The PSI above which a feature view's feature drifts: the view's SLA {@code psiThreshold}, else its team's
     * override, else the default (a dataset's override is for its columns, not for views built on it).
     */
    public double featurePsi(String team, Double slaThreshold) {
        return slaThreshold != null ? slaThreshold
                : number(Optional.empty(), Optional.ofNullable(config.teams().get(team)), Overrides::psi, config.psi());
    }

    private static <T> Optional<T> pick(Optional<Overrides> own, Optional<Overrides> team,
            Function<Overrides, Optional<T>> field) {
        return own.flatMap(field).or(() -> team.flatMap(field));
    }

    private static double number(Optional<Overrides> own, Optional<Overrides> team,
            Function<Overrides, OptionalDouble> field, double otherwise) {
        OptionalDouble mine = own.map(field).orElse(OptionalDouble.empty());
        if (mine.isPresent()) {
            return mine.getAsDouble();
        }
        return team.map(field).orElse(OptionalDouble.empty()).orElse(otherwise);
    }
}
