package dev.plumbline.featurestore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.FrozenBaseline;
import dev.plumbline.validate.analyzers.PsiBaseline;
import java.time.Instant;

/**
 * The frozen drift reference of one feature of a view version: a PSI baseline in the contract's form
 * ({@code edges}/{@code categories}, {@code shares}, {@code null_share}), how many reference values it came from,
 * and its source (a reference window or an uploaded file).
 */
public record FeatureBaseline(long versionId, String feature, String kind, JsonNode baseline, long referenceValues,
        long referenceNulls, JsonNode source, String createdBy, Instant createdAt) {

    public PsiBaseline psiBaseline() {
        return FrozenBaseline.read(baseline);
    }

    /** The source in words, such as "window 2026-12-01T00:00:00Z – 2026-12-02T00:00:00Z of 1.0.0". */
    public String sourceText() {
        String carried = source.has("carriedFrom") ? ", carried over from " + source.path("carriedFrom").asText() : "";
        if ("window".equals(source.path("source").asText())) {
            return "values as of " + source.path("to").asText() + " of the entities refreshed from "
                    + source.path("from").asText() + " (version " + source.path("materializedVersion").asText() + ")"
                    + carried;
        }
        return "uploaded file" + carried;
    }
}
