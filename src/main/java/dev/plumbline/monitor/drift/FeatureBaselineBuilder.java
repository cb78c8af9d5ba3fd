package dev.plumbline.monitor.drift;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.featurestore.FeatureBaseline;
import dev.plumbline.featurestore.FeatureBaselines;
import dev.plumbline.transform.FeatureViewVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Builds a feature's drift baseline from a reference (a past window of the view's values, or an uploaded file) with
 * the contract baselines' quantile and category code, and stores it with the view version, where it stays frozen.
 * The answer is the one {@code /api/baselines} gives, with the reference's {@code source}.
 */
@ApplicationScoped
public class FeatureBaselineBuilder {

    private final FeatureReferenceWindow window;
    private final FeatureBaselines baselines;

    public FeatureBaselineBuilder(FeatureReferenceWindow window, FeatureBaselines baselines) {
        this.window = window;
        this.baselines = baselines;
    }

    /** From the values as of {@code to} of the entities the view refreshed in ({@code from}, {@code to}]. */
    public ObjectNode fromWindow(FeatureViewVersion version, String feature, String kind, int bins, Instant from,
            Instant to, String actor) {
        ReferenceBaseline reference = new ReferenceBaseline(BaselineResource.kind(kind), bins);
        FeatureViewVersion read = window.read(version, feature, from, to, reference);
        return store(version, feature, kind, reference, JsonNodeFactory.instance.objectNode().put("source", "window")
                .put("from", from.toString()).put("to", to.toString()).put("materializedVersion", read.version()),
                actor);
    }

    /** From the column of an uploaded CSV or NDJSON file ({@code type} its Content-Type). */
    public ObjectNode fromFile(FeatureViewVersion version, String feature, String kind, int bins, String body,
            String type, String column, String actor) {
        ReferenceBaseline reference = new ReferenceBaseline(BaselineResource.kind(kind), bins);
        ReferenceFile.read(body, type, column, reference);
        return store(version, feature, kind, reference, JsonNodeFactory.instance.objectNode().put("source", "upload"),
                actor);
    }

    private ObjectNode store(FeatureViewVersion version, String feature, String kind, ReferenceBaseline reference,
            ObjectNode source, String actor) {
        ObjectNode result = BaselineResource.result(reference, feature);
        FeatureBaseline baseline = new FeatureBaseline(version.id(), feature, kind, result.get("baseline"),
                reference.values(), reference.nulls(), source, actor, Instant.now());
        baseline.psiBaseline();
        baselines.put(baseline);
        result.set("source", source);
        return result;
    }
}
