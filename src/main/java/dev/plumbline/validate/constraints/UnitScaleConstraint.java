package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.validate.AnalysisBasedConstraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.analyzers.Analyzer;
import dev.plumbline.validate.analyzers.Interpolation;
import dev.plumbline.validate.analyzers.Metric;
import dev.plumbline.validate.analyzers.NumericBaseline;
import dev.plumbline.validate.analyzers.QuantileValues;
import dev.plumbline.validate.analyzers.SketchedQuantiles;
import dev.plumbline.validate.window.BatchFirst;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code expect_column_unit_to_be_unchanged}, Plumbline's watch on a column whose contract declares a unit or
 * currency: the batch's quantiles at the frozen PSI baseline's edges, each divided by its edge. When every ratio
 * is the same factor (within {@value #CONSISTENCY} after the one furthest off) and that factor is further from 1
 * than the batch can be by chance, the values were rescaled as a whole — the signature of a unit or currency
 * change (USD → EUR scales every amount by about 0.92) rather than of a change in the distribution's shape, which
 * moves the quantiles by different factors and is PSI's to judge. "By chance" is three standard errors of the
 * batch median's relative position, estimated from the batch itself (the density at the median from the spacing
 * of its 40th and 60th percentiles), and never less than {@value #MIN_CHANGE}: a thousand of the demo's
 * log-normal amounts tell apart about ×0.9, twenty thousand about ×0.98.
 */
public record UnitScaleConstraint(String column, String unit, NumericBaseline baseline,
        Analyzer<?, List<Double>> analyzer) implements AnalysisBasedConstraint, BatchFirst {

    public static final String RULE = "expect_column_unit_to_be_unchanged";
    static final double CONSISTENCY = 0.06;
    static final double MIN_CHANGE = 0.02;
    static final double STANDARD_ERRORS = 3;
    private static final List<Double> SPACING = List.of(0.4, 0.5, 0.6);
    static final int MIN_SAMPLE = 200;

    public UnitScaleConstraint {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(baseline, "baseline");
    }

    /** Watches the column of each batch against the quantiles the baseline's edges stand for, exactly. */
    public static UnitScaleConstraint of(String column, String unit, NumericBaseline baseline) {
        return new UnitScaleConstraint(column, unit, baseline,
                new QuantileValues(column, quantiles(baseline), Interpolation.LINEAR));
    }

    /**
     * Watches the column over a window: its quantiles from a sketch (within half a percent, far inside the
     * {@value #MIN_CHANGE} the watch tells apart at best), so that the window's state stays small.
     */
    public static UnitScaleConstraint sketched(String column, String unit, NumericBaseline baseline) {
        return new UnitScaleConstraint(column, unit, baseline, new SketchedQuantiles(column, quantiles(baseline)));
    }

    private static List<Double> quantiles(NumericBaseline baseline) {
        List<Double> quantiles = new ArrayList<>();
        double cumulative = 0;
        double nonNull = 1 - baseline.nullShare();
        for (int i = 0; i < baseline.edges().size(); i++) {
            cumulative += baseline.shares().get(i);
            quantiles.add(Math.min(1.0, cumulative / nonNull));
        }
        quantiles.addAll(SPACING);
        return quantiles;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public boolean enoughAlone(Metric<?> batch) {
        return batch.evaluated() >= MIN_SAMPLE;
    }

    @Override
    public ConstraintResult evaluate(Metric<?> metric) {
        if (!metric.isDefined()) {
            return Aggregates.undefined(this, metric, "quantiles");
        }
        if (metric.evaluated() < MIN_SAMPLE) {
            return Aggregates.result(this, metric, true, "insufficient data: " + metric.evaluated() + " of the "
                    + MIN_SAMPLE + " values a unit check needs", null);
        }
        List<?> values = (List<?>) metric.value();
        double[] ratios = ratios(values.subList(0, baseline.edges().size()));
        if (ratios.length < 3) {
            return Aggregates.result(this, metric, true, "no verdict: fewer than 3 positive quantiles to compare",
                    null);
        }
        double factor = median(ratios);
        double spread = spreadAfterOutlier(ratios, factor);
        double noise = Math.max(MIN_CHANGE, STANDARD_ERRORS * relativeError(values, metric.evaluated()));
        boolean consistent = spread <= CONSISTENCY;
        boolean rescaled = consistent && Math.abs(factor - 1) > noise;
        ObjectNode observed = JsonNodeFactory.instance.objectNode().put("factor", factor).put("spread", spread)
                .put("noise", noise).put("unit", unit);
        String words;
        if (rescaled) {
            words = String.format(Locale.ROOT, "every quantile is scaled by ×%.3f against the approved baseline "
                    + "(each within %.1f%%): the signature of a unit or currency change from %s", factor,
                    spread * 100, unit);
        } else if (consistent && Math.abs(factor - 1) > MIN_CHANGE) {
            words = String.format(Locale.ROOT, "no unit change shown: quantiles at ×%.3f of the baseline, within "
                    + "what %d values tell apart (±%.1f%%)", factor, metric.evaluated(), noise * 100);
        } else {
            words = String.format(Locale.ROOT, "no unit change: quantiles at ×%.3f to ×%.3f of the baseline (%s)",
                    Arrays.stream(ratios).min().orElse(1), Arrays.stream(ratios).max().orElse(1), unit);
        }
        return Aggregates.result(this, metric, !rescaled, words, observed);
    }

    private double[] ratios(List<?> values) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double edge = baseline.edges().get(i);
            double value = ((Number) values.get(i)).doubleValue();
            if (edge > 0 && value > 0) {
                ratios.add(value / edge);
            }
        }
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    // The standard error of the median's relative position: sqrt(p(1-p)/n) / density, the density from the
    // 40th-60th percentile spacing, relative to the median.
    private double relativeError(List<?> values, long n) {
        int at = baseline.edges().size();
        double q40 = ((Number) values.get(at)).doubleValue();
        double median = ((Number) values.get(at + 1)).doubleValue();
        double q60 = ((Number) values.get(at + 2)).doubleValue();
        if (median <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(0.25 / n) * (q60 - q40) / 0.2 / median;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // One quantile may sit on a tie or in a sparse tail; the rest must agree.
    private static double spreadAfterOutlier(double[] ratios, double factor) {
        double[] deviations = Arrays.stream(ratios).map(r -> Math.abs(r / factor - 1)).sorted().toArray();
        return deviations[deviations.length - 2];
    }
}
