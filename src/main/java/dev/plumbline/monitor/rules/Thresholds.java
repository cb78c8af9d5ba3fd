package dev.plumbline.monitor.rules;

import dev.plumbline.contract.AlertOverrides;
import dev.plumbline.contract.BatchDrops;
import dev.plumbline.contract.Dataset;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.monitor.rules.AlertRulesConfig.Overrides;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The thresholds that apply to one dataset: its active contract's own ({@code alertThresholds}, approved with the
 * contract), else the ones configured for the dataset, else for its team, else the defaults (the ingestion lag's
 * being an hour for a dataset fed by batch drops, five minutes for a streamed one); and the PSI of a feature view.
 */
@ApplicationScoped
public class Thresholds {

    private final AlertRulesConfig config;
    private final DatasetRegistry datasets;
    private final BatchDrops drops;

    public Thresholds(AlertRulesConfig config, DatasetRegistry datasets, BatchDrops drops) {
        this.config = config;
        this.datasets = datasets;
        this.drops = drops;
    }

    /** The resolved thresholds of one dataset. */
    public record Applied(Duration forDuration, Duration ingestionLag, Duration staleness, double passRate,
            double psi, boolean critical) {
    }

    public Applied of(String dataset, String team) {
        Optional<Dataset> registered = datasets.get(dataset);
        List<AlertOverrides> layers = Stream.of(contract(registered), configured(config.datasets().get(dataset)),
                configured(config.teams().get(team))).toList();
        return new Applied(
                pick(layers, AlertOverrides::forDuration).orElse(config.forDuration()),
                pick(layers, AlertOverrides::ingestionLag).orElseGet(() -> registered.isPresent()
                        && drops.batchFed(registered.get().id, Instant.now()) ? config.batchIngestionLag()
                                : config.ingestionLag()),
                pick(layers, AlertOverrides::staleness).orElse(config.staleness()),
                number(layers, AlertOverrides::passRate, config.passRate()),
                number(layers, AlertOverrides::psi, config.psi()),
                pick(layers, AlertOverrides::critical).orElse(config.critical()));
    }

    /**
     * The PSI above which a feature view's feature drifts: the view's SLA {@code psiThreshold}, else its team's
     * override, else the default (a dataset's override is for its columns, not for views built on it).
     */
    public double featurePsi(String team, Double slaThreshold) {
        return slaThreshold != null ? slaThreshold
                : number(List.of(configured(config.teams().get(team))), AlertOverrides::psi, config.psi());
    }

    private AlertOverrides contract(Optional<Dataset> dataset) {
        return dataset.flatMap(d -> datasets.activeContract(d.id))
                .map(active -> AlertOverrides.of(active.contract())).orElse(AlertOverrides.NONE);
    }

    private static AlertOverrides configured(Overrides overrides) {
        return overrides == null ? AlertOverrides.NONE : new AlertOverrides(overrides.forDuration(),
                overrides.ingestionLag(), overrides.staleness(), overrides.passRate(), overrides.psi(),
                overrides.critical());
    }

    private static <T> Optional<T> pick(List<AlertOverrides> layers, Function<AlertOverrides, Optional<T>> field) {
        return layers.stream().map(field).flatMap(Optional::stream).findFirst();
    }

    private static double number(List<AlertOverrides> layers, Function<AlertOverrides, OptionalDouble> field,
            double otherwise) {
        return layers.stream().map(field).filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble)
                .findFirst().orElse(otherwise);
    }
}
