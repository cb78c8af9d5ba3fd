package dev.plumbline.featurestore;

import dev.plumbline.transform.FeatureViewVersion;
import java.time.Duration;
import java.time.Instant;

/**
 * A feature view as the registry page lists it: owner, version, freshness against its SLA, serving p99, drift.
 */
public record ViewRow(String name, String owner, String version, String source, int features, Instant newestKnownAt,
        Duration freshnessSla, Duration age, Duration servingP99, Duration servingSla, ViewDrift drift) {

    /** The row of a view version's health, its age taken at {@code now}. */
    public static ViewRow of(FeatureHealth.ViewHealth health, Instant now) {
        FeatureViewVersion v = health.version();
        return new ViewRow(v.viewName(), v.owningTeam(), v.version(), v.definition().source(),
                v.definition().features().size(), health.newestKnownAt(), health.freshnessSla(), health.age(now),
                health.servingP99(), health.servingSla(), health.drift());
    }

    /** "fresh", "stale" (older than the SLA) or "no data" (nothing materialized yet). */
    public String freshness() {
        if (age == null) {
            return "no data";
        }
        return age.compareTo(freshnessSla) <= 0 ? "fresh" : "stale";
    }

    public String ageText() {
        return age == null ? "–" : text(age);
    }

    /** Where the view's page shows its features' drift. */
    public String driftLink() {
        return "/features/" + name + "#drift";
    }

    public String p99Text() {
        return servingP99 == null ? "not served yet" : String.format("%.2f ms", servingP99.toNanos() / 1e6);
    }

    public String slaText() {
        return text(freshnessSla) + " · p99 ≤ " + servingSla.toMillis() + " ms";
    }

    static String text(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s < 172_800 ? s / 3600 + " h" : s / 86_400 + " d";
    }
}
