package dev.plumbline.featurestore;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A view version's drift status for the registry and the dashboard: its worst feature and that feature's PSI
 * against the view's threshold, or "no baseline", "not measured yet", "insufficient data".
 */
public record ViewDrift(int baselines, List<FeatureDriftReading> readings, double threshold) {

    /** DESIGN.md's default PSI threshold, where the view's SLA names none. */
    public static final double DEFAULT_THRESHOLD = 0.2;

    public ViewDrift {
        readings = List.copyOf(readings);
    }

    /** The measured feature with the highest PSI. */
    public Optional<FeatureDriftReading> worst() {
        return readings.stream().filter(FeatureDriftReading::measured)
                .max(Comparator.comparingDouble(FeatureDriftReading::psi));
    }

    /** Whether any feature has a PSI (not only "insufficient data"). */
    public boolean measured() {
        return worst().isPresent();
    }

    /** "drifting", "stable", "insufficient data", "not measured yet" or "no baseline". */
    public String status() {
        if (baselines == 0) {
            return "no baseline";
        }
        Optional<FeatureDriftReading> worst = worst();
        if (worst.isPresent()) {
            return worst.get().psi() > threshold ? "drifting" : "stable";
        }
        if (readings.isEmpty()) {
            return "not measured yet";
        }
        return readings.stream().anyMatch(r -> FeatureDriftReading.INSUFFICIENT.equals(r.status()))
                ? "insufficient data" : "undefined";
    }

    /** The status in words, e.g. "customer_avg_transaction_30d PSI 0.431 (threshold 0.2)". */
    public String text() {
        return worst().map(w -> String.format(Locale.ROOT, "%s PSI %.3f (threshold %s)", w.feature(), w.psi(),
                threshold)).orElseGet(() -> readings.stream()
                        .filter(r -> FeatureDriftReading.INSUFFICIENT.equals(r.status())).findFirst()
                        .map(r -> "insufficient data: " + r.detail()).orElse(status()));
    }

    /** A CSS class for the status: {@code drift-high}, {@code drift-ok} or {@code drift-none}. */
    public String css() {
        return switch (status()) {
            case "drifting" -> "drift-high";
            case "stable" -> "drift-ok";
            default -> "drift-none";
        };
    }
}
