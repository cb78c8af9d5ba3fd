package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Expectations.Expectation;
import dev.plumbline.validate.analyzers.Binning;
import dev.plumbline.validate.analyzers.CramersPhi;
import dev.plumbline.validate.constraints.MetricThresholdConstraint;
import dev.plumbline.validate.constraints.MetricThresholdConstraint.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code expect_column_pair_cramers_phi_value_to_be_less_than}, built from its keyword arguments. */
final class CramersPhiExpectation {

    static final String RULE = "expect_column_pair_cramers_phi_value_to_be_less_than";
    private static final int DEFAULT_BINS = 10;

    private CramersPhiExpectation() {
    }

    static void register(Map<String, Expectation> registry) {
        registry.put(RULE, new Expectation(List.of("column_A", "column_B", "bins_A", "bins_B", "n_bins_A",
                "n_bins_B", "threshold"), CramersPhiExpectation::build));
    }

    private static Constraint build(Kwargs kwargs) {
        String columnA = kwargs.column("column_A");
        String columnB = kwargs.column("column_B");
        JsonNode threshold = kwargs.value("threshold");
        if (threshold != null && !threshold.isNumber()) {
            throw kwargs.wrong("threshold must be a number, got " + threshold);
        }
        CramersPhi phi = DistributionExpectations.built(kwargs, () -> new CramersPhi(columnA, columnB,
                binning(kwargs, "A"), binning(kwargs, "B")));
        return new MetricThresholdConstraint(RULE, columnA, "Cramér's phi of " + columnA + " and " + columnB, phi,
                Comparison.LESS_THAN, threshold == null ? 0.1 : threshold.doubleValue());
    }

    private static Binning binning(Kwargs kwargs, String side) {
        JsonNode bins = kwargs.value("bins_" + side);
        JsonNode nBins = kwargs.value("n_bins_" + side);
        if (nBins != null && !nBins.canConvertToInt()) {
            throw kwargs.wrong("n_bins_" + side + " must be a whole number, got " + nBins);
        }
        int count = nBins == null ? DEFAULT_BINS : nBins.intValue();
        if (bins == null) {
            return new Binning(null, null, count);
        }
        if (bins.isArray() && bins.size() > 0 && bins.get(0).isArray()) {
            List<List<String>> groups = new ArrayList<>();
            bins.forEach(group -> {
                List<String> values = new ArrayList<>();
                group.forEach(value -> values.add(value.asText()));
                groups.add(values);
            });
            return new Binning(null, groups, count);
        }
        return new Binning(DistributionExpectations.numbers(kwargs, bins, "bins_" + side), null, count);
    }
}
