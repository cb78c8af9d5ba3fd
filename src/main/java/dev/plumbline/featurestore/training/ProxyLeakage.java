package dev.plumbline.featurestore.training;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Proxy leakage: a feature that predicts the label too well to be honest, like {@code transaction_was_reversed}
 * for fraud, usually because it is written after, or because of, the outcome. Two measures, each over the rows
 * where both have a value: Pearson's correlation (a label with two values coded 0 and 1 in sorted order), and
 * the mutual information between the feature, in up to ten equal-frequency bins, and the label's values (its
 * own ten bins when it has more than twenty), as the share of the label's entropy it explains (the uncertainty
 * coefficient, 0 to 1). Suspicious at |r| ≥ 0.9 or a share ≥ 0.8, judged only from 50 rows on, since both
 * measures overstate on small samples.
 */
final class ProxyLeakage {

    static final double CORRELATION = 0.9;
    static final double SHARE = 0.8;
    static final int MIN_ROWS = 50;
    static final int BINS = 10;

    /** What the audit found for one feature and one label column; measures are null where they do not apply. */
    record Finding(String feature, String label, int rows, Double correlation, Double informationShare,
            boolean suspicious) {
    }

    private ProxyLeakage() {
    }

    /** Judges a feature (NaN where it has no value) against a label column (null or empty where it has none). */
    static Finding judge(String feature, double[] values, String label, String[] labels) {
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && labels[i] != null && !labels[i].isBlank()) {
                n++;
            }
        }
        double[] x = new double[n];
        String[] y = new String[n];
        for (int i = 0, j = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && labels[i] != null && !labels[i].isBlank()) {
                x[j] = values[i];
                y[j++] = labels[i].strip();
            }
        }
        double[] coded = coded(y);
        Double r = coded == null ? null : correlation(x, coded);
        Double share = informationShare(bins(x), labelBins(y, coded));
        boolean suspicious = n >= MIN_ROWS && (r != null && Math.abs(r) >= CORRELATION
                || share != null && share >= SHARE);
        return new Finding(feature, label, n, r, share, suspicious);
    }

    /** The label as numbers: its own if every value is one, 0 and 1 if it has two values; otherwise null. */
    private static double[] coded(String[] y) {
        double[] coded = new double[y.length];
        try {
            for (int i = 0; i < y.length; i++) {
                coded[i] = Double.parseDouble(y[i]);
            }
            return coded;
        } catch (NumberFormatException e) {
            String[] distinct = Arrays.stream(y).distinct().sorted().toArray(String[]::new);
            if (distinct.length != 2) {
                return null;
            }
            for (int i = 0; i < y.length; i++) {
                coded[i] = y[i].equals(distinct[0]) ? 0 : 1;
            }
            return coded;
        }
    }

    static Double correlation(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return null;
        }
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? null : sxy / Math.sqrt(sxx * syy);
    }

    /** Equal-frequency bins: each value's bin is its rank's decile, ties kept together. */
    static int[] bins(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int[] bins = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            int rank = lowerBound(sorted, x[i]);
            bins[i] = (int) ((long) rank * BINS / x.length);
        }
        return bins;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int[] labelBins(String[] y, double[] coded) {
        Map<String, Integer> categories = new HashMap<>();
        for (String value : y) {
            categories.putIfAbsent(value, categories.size());
        }
        if (categories.size() > 20 && coded != null) {
            return bins(coded);
        }
        return Arrays.stream(y).mapToInt(categories::get).toArray();
    }

    /** I(X; Y) / H(Y), from the joint counts of the two binnings; null when the label has one value. */
    static Double informationShare(int[] x, int[] y) {
        int n = x.length;
        Map<Long, Integer> joint = new HashMap<>();
        Map<Integer, Integer> px = new HashMap<>();
        Map<Integer, Integer> py = new HashMap<>();
        for (int i = 0; i < n; i++) {
            joint.merge(((long) x[i] << 32) | y[i], 1, Integer::sum);
            px.merge(x[i], 1, Integer::sum);
            py.merge(y[i], 1, Integer::sum);
        }
        double hy = 0;
        for (int count : py.values()) {
            double p = (double) count / n;
            hy -= p * Math.log(p);
        }
        if (hy == 0) {
            return null;
        }
        double mi = 0;
        for (Map.Entry<Long, Integer> cell : joint.entrySet()) {
            double pxy = (double) cell.getValue() / n;
            double pxm = (double) px.get((int) (cell.getKey() >> 32)) / n;
            double pym = (double) py.get((int) (long) cell.getKey()) / n;
            mi += pxy * Math.log(pxy / (pxm * pym));
        }
        return Math.max(0, Math.min(1, mi / hy));
    }
}
