package dev.plumbline.featurestore;

import dev.plumbline.transform.FeatureSpec;
import dev.plumbline.transform.FeatureValues;
import dev.plumbline.transform.FeatureViewVersion;
import dev.plumbline.transform.Lineage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;

/** Answers "where does this feature value come from?" for a view version, entity, feature and as-of instant. */
@ApplicationScoped
public class FeatureLineage {

    static final int LIMIT = 200;

    /** A feature value with its inputs: the value as of the instant, and the events it was computed from. */
    public record Traced(String view, String version, String entity, String feature, String aggregation,
            String field, String window, Instant asOf, Object value, Lineage.Inputs inputs) {
    }

    private final FeatureRegistry registry;
    private final FeatureValues values;
    private final Lineage lineage;

    public FeatureLineage(FeatureRegistry registry, FeatureValues values, Lineage lineage) {
        this.registry = registry;
        this.values = values;
        this.lineage = lineage;
    }

    /**
     * Traces a value; {@link NoSuchElementException} for an unknown view, version or feature,
     * {@link IllegalArgumentException} for a missing entity or an unreadable instant.
     */
    public Traced trace(String view, String version, String entity, String feature, String asOf) {
        FeatureViewVersion found = registry.get(view, version).orElseThrow(() -> new NoSuchElementException(
                version == null ? "no feature view \"" + view + "\"" : "no version " + version + " of \"" + view + "\""));
        FeatureSpec spec = found.definition().feature(feature == null ? "" : feature).orElseThrow(() ->
                new NoSuchElementException("feature view " + view + " has no feature \"" + feature + "\""));
        if (entity == null || entity.isBlank()) {
            throw new IllegalArgumentException("name the entity (entity=…)");
        }
        Instant at = instant(asOf);
        Object value = values.valuesAt(found, entity.strip(), at).values().get(spec.name());
        return new Traced(found.viewName(), found.version(), entity.strip(), spec.name(), spec.aggregation().key(),
                spec.field(), spec.window().text(), at, value, lineage.of(found, spec, entity.strip(), at, LIMIT));
    }

    private static Instant instant(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return Instant.now();
        }
        try {
            return Instant.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("as_of \"" + asOf + "\" is not an instant such as 2026-03-14T09:30:00Z");
        }
    }
}
