package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A numeric PSI reference: inner bin edges (reference quantiles), the share of each of the {@code edges + 1}
 * bins and of nulls. Bins are right-closed and the outer ones open: (-∞, e₁], (e₁, e₂], …, (eₖ, +∞).
 * Duplicate edges (a reference with many equal values) merge: the share of an empty bin (e, e] joins the bin
 * before it, which is where its values went.
 */
public record NumericBaseline(List<Double> edges, List<Double> shares, double nullShare) implements PsiBaseline {

    public NumericBaseline {
        if (edges.isEmpty()) {
            throw new IllegalArgumentException("a numeric baseline needs at least one edge");
        }
        if (edges.size() + 1 != shares.size()) {
            throw new IllegalArgumentException("a numeric baseline needs one share more than edges (the outer "
                    + "bins are open), got " + edges.size() + " edges and " + shares.size() + " shares");
        }
        for (int i = 0; i < edges.size(); i++) {
            if (!Double.isFinite(edges.get(i)) || i > 0 && edges.get(i) < edges.get(i - 1)) {
                throw new IllegalArgumentException("edges must be finite and ascending, got " + edges);
            }
        }
        PsiBaseline.requireShares(shares, nullShare);
        // bin j, (e[j-1], e[j]], is empty when its edges are equal: its share joins the bin before it
        List<Double> mergedEdges = new ArrayList<>(List.of(edges.get(0)));
        List<Double> mergedShares = new ArrayList<>(List.of(shares.get(0)));
        for (int j = 1; j < edges.size(); j++) {
            if (edges.get(j).equals(edges.get(j - 1))) {
                mergedShares.set(mergedShares.size() - 1, mergedShares.get(mergedShares.size() - 1) + shares.get(j));
            } else {
                mergedEdges.add(edges.get(j));
                mergedShares.add(shares.get(j));
            }
        }
        mergedShares.add(shares.get(edges.size()));
        edges = List.copyOf(mergedEdges);
        shares = List.copyOf(mergedShares);
    }

    /**
     * The baseline of a reference sample in {@code bins} quantile bins: edges at the reference's i/bins quantiles
     * (linear interpolation, as numpy), duplicates merged, and each bin's share counted from the sample itself.
     */
    public static NumericBaseline ofQuantiles(List<Double> reference, long nulls, int bins) {
        if (bins < 2 || reference.isEmpty()) {
            throw new IllegalArgumentException("a reference needs values and at least 2 bins");
        }
        List<Double> sorted = new ArrayList<>(reference);
        Collections.sort(sorted);
        List<Double> edges = new ArrayList<>();
        for (int i = 1; i < bins; i++) {
            double position = (double) i / bins * (sorted.size() - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.size() - 1);
            edges.add(sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below)));
        }
        double total = sorted.size() + nulls;
        double[] counts = new double[bins];
        double[] upper = edges.stream().mapToDouble(Double::doubleValue).toArray();
        for (double value : sorted) {
            counts[bin(upper, value)]++;
        }
        List<Double> shares = Arrays.stream(counts).map(count -> count / total).boxed().toList();
        return new NumericBaseline(edges, shares, nulls / total);
    }

    @Override
    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i <= edges.size(); i++) {
            String low = i == 0 ? "(-∞" : "(" + edges.get(i - 1);
            String high = i == edges.size() ? "+∞)" : edges.get(i) + "]";
            labels.add(low + ", " + high);
        }
        labels.add("null");
        return labels;
    }

    @Override
    public double[] expected() {
        double[] expected = new double[shares.size() + 1];
        for (int i = 0; i < shares.size(); i++) {
            expected[i] = shares.get(i);
        }
        expected[shares.size()] = nullShare;
        return expected;
    }

    @Override
    public Binner binner() {
        int nullSlot = shares.size();
        double[] upper = edges.stream().mapToDouble(Double::doubleValue).toArray();
        return new Binner() {
            @Override
            public int slotOf(JsonNode value) {
                if (ColumnValues.isNull(value)) {
                    return nullSlot;
                }
                BigDecimal number = ColumnValues.decimal(value);
                return number == null ? UNPLACEABLE : bin(upper, number.doubleValue());
            }

            // a number's double is its decimal's (ColumnVector), and booleans, like text, are not numbers here
            @Override
            public int slotOf(ColumnVector values, int row) {
                return switch (values.kind(row)) {
                    case ColumnVector.NULL -> nullSlot;
                    case ColumnVector.NUMBER -> bin(upper, values.number(row));
                    default -> UNPLACEABLE;
                };
            }
        };
    }

    /** The first bin whose upper edge is at least the value; above every edge, the last bin. */
    private static int bin(double[] edges, double value) {
        int low = 0;
        int high = edges.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (edges[middle] >= value) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
