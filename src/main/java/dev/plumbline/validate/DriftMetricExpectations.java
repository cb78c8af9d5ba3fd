package dev.plumbline.validate;

import dev.plumbline.validate.Expectations.Expectation;
import dev.plumbline.validate.analyzers.BaselineDivergence;
import dev.plumbline.validate.analyzers.BinnedKsStatistic;
import dev.plumbline.validate.analyzers.JensenShannonDistance;
import dev.plumbline.validate.analyzers.NumericBaseline;
import dev.plumbline.validate.analyzers.PsiBaseline;
import dev.plumbline.validate.constraints.DivergenceConstraint;
import dev.plumbline.validate.constraints.PsiConstraint;
import java.util.List;
import java.util.Map;

/**
 * The drift measures a contract may pick instead of, or next to, PSI, against the same frozen {@code baseline}:
 * {@code expect_column_js_distance_to_be_less_than} (Jensen–Shannon distance, numbers or categories) and
 * {@code expect_column_ks_statistic_to_be_less_than} (KS statistic at the baseline's edges, numbers only). Each
 * needs its {@code threshold}: there is no agreed default as there is for PSI. {@code min_sample} as PSI's.
 */
final class DriftMetricExpectations {

    static final String JS = "expect_column_js_distance_to_be_less_than";
    static final String KS = "expect_column_ks_statistic_to_be_less_than";

    private DriftMetricExpectations() {
    }

    static void register(Map<String, Expectation> registry) {
        List<String> arguments = List.of("column", "baseline", "threshold", "min_sample");
        registry.put(JS, new Expectation(arguments, kwargs -> build(kwargs, JS, "JS distance",
                new JensenShannonDistance(kwargs.column(), baseline(kwargs)))));
        registry.put(KS, new Expectation(arguments, kwargs -> {
            PsiBaseline baseline = baseline(kwargs);
            if (!(baseline instanceof NumericBaseline numeric)) {
                throw kwargs.wrong("the KS statistic compares cumulative shares, so it needs a numeric baseline "
                        + "(edges); use " + JS + " or " + PsiConstraint.RULE + " for categories");
            }
            return build(kwargs, KS, "KS statistic", new BinnedKsStatistic(kwargs.column(), numeric));
        }));
    }

    private static PsiBaseline baseline(Kwargs kwargs) {
        return DistributionExpectations.built(kwargs, () -> PsiExpectation.baseline(kwargs));
    }

    private static Constraint build(Kwargs kwargs, String rule, String label, BaselineDivergence analyzer) {
        if (kwargs.value("threshold") == null) {
            throw kwargs.wrong("threshold is required: the largest " + label + " that is not drift, e.g. 0.1");
        }
        Double threshold = PsiExpectation.positive(kwargs, "threshold");
        Integer minSample = kwargs.count("min_sample");
        return DistributionExpectations.built(kwargs, () -> new DivergenceConstraint(rule, label, kwargs.column(),
                analyzer, threshold, minSample == null ? PsiConstraint.DEFAULT_MIN_SAMPLE : minSample));
    }
}
