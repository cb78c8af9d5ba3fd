package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Expectations.Expectation;
import dev.plumbline.validate.analyzers.CategoricalBaseline;
import dev.plumbline.validate.analyzers.NumericBaseline;
import dev.plumbline.validate.analyzers.PopulationStabilityIndex;
import dev.plumbline.validate.analyzers.PsiBaseline;
import dev.plumbline.validate.constraints.PsiConstraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@code expect_column_psi_to_be_less_than} (Plumbline's own expectation) from its kwargs: the
 * {@code baseline} frozen in the contract ({@code edges} and optional {@code shares} for numbers, equal shares
 * when omitted as for quantile bins; or {@code categories} and {@code shares}; {@code null_share} for both),
 * {@code threshold} (0.2), {@code min_sample} (100) and {@code epsilon} (0.0001).
 */
final class PsiExpectation {

    private static final Set<String> BASELINE_KEYS = Set.of("edges", "categories", "shares", "null_share");

    private PsiExpectation() {
    }

    static void register(Map<String, Expectation> registry) {
        registry.put(PsiConstraint.RULE, new Expectation(List.of("column", "baseline", "threshold", "min_sample",
                "epsilon"), PsiExpectation::build));
    }

    private static Constraint build(Kwargs kwargs) {
        String column = kwargs.column();
        PsiBaseline baseline = DistributionExpectations.built(kwargs, () -> baseline(kwargs));
        Double epsilon = positive(kwargs, "epsilon");
        Double threshold = positive(kwargs, "threshold");
        Integer minSample = kwargs.count("min_sample");
        return DistributionExpectations.built(kwargs, () -> new PsiConstraint(column,
                new PopulationStabilityIndex(column, baseline,
                        epsilon == null ? PopulationStabilityIndex.DEFAULT_EPSILON : epsilon),
                threshold == null ? PsiConstraint.DEFAULT_THRESHOLD : threshold,
                minSample == null ? PsiConstraint.DEFAULT_MIN_SAMPLE : minSample));
    }

    static PsiBaseline baseline(Kwargs kwargs) {
        JsonNode baseline = kwargs.value("baseline");
        if (baseline == null || !baseline.isObject() || baseline.has("edges") == baseline.has("categories")) {
            throw kwargs.wrong("baseline must give the frozen reference, as edges (and shares) for numbers or as "
                    + "categories and shares; Plumbline never derives it from the data being checked");
        }
        List<String> unknown = new ArrayList<>();
        baseline.fieldNames().forEachRemaining(key -> {
            if (!BASELINE_KEYS.contains(key)) {
                unknown.add(key);
            }
        });
        if (!unknown.isEmpty()) {
            throw kwargs.wrong("baseline: unknown " + String.join(", ", unknown) + "; expected " + BASELINE_KEYS);
        }
        JsonNode nullShare = baseline.path("null_share");
        if (!nullShare.isMissingNode() && !nullShare.isNumber()) {
            throw kwargs.wrong("baseline.null_share must be a number, got " + nullShare);
        }
        double nulls = nullShare.asDouble(0.0);
        if (baseline.has("edges")) {
            List<Double> edges = DistributionExpectations.numbers(kwargs, baseline.get("edges"), "baseline.edges");
            List<Double> shares = baseline.has("shares")
                    ? DistributionExpectations.numbers(kwargs, baseline.get("shares"), "baseline.shares")
                    : Collections.nCopies(edges.size() + 1, (1 - nulls) / (edges.size() + 1));
            return new NumericBaseline(edges, shares, nulls);
        }
        JsonNode categories = baseline.get("categories");
        if (!categories.isArray() || !baseline.has("shares")) {
            throw kwargs.wrong("baseline.categories must be a list, with the share of each in baseline.shares");
        }
        List<Object> keys = new ArrayList<>();
        for (JsonNode category : categories) {
            if (!category.isValueNode() || category.isNull()) {
                throw kwargs.wrong("baseline.categories must list strings, numbers or booleans, got " + category);
            }
            keys.add(ColumnValues.key(category));
        }
        return new CategoricalBaseline(keys, DistributionExpectations.numbers(kwargs, baseline.get("shares"),
                "baseline.shares"), nulls);
    }

    static Double positive(Kwargs kwargs, String key) {
        JsonNode value = kwargs.value(key);
        if (value != null && (!value.isNumber() || value.doubleValue() <= 0)) {
            throw kwargs.wrong(key + " must be a number above 0, got " + value);
        }
        return value == null ? null : value.doubleValue();
    }
}
