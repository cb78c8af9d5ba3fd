package dev.plumbline.validate.analyzers;

/**
 * Finds order statistics without sorting: a quickselect with three-way partitions (columns repeat values a lot),
 * in {@link Double#compare}'s order, the order {@link java.util.Arrays#sort(double[])} gives.
 */
final class Selection {

    private Selection() {
    }

    /** The median as pandas takes it: the middle value, or the mean of the two middle ones. Values not changed. */
    static double median(double[] values) {
        double[] copy = values.clone();
        int middle = copy.length / 2;
        double upper = select(copy, middle);
        if (copy.length % 2 == 1) {
            return upper;
        }
        // selection leaves the values before the middle no larger than it: the largest of them is the lower middle
        double lower = copy[0];
        for (int i = 1; i < middle; i++) {
            lower = Double.compare(copy[i], lower) > 0 ? copy[i] : lower;
        }
        return (lower + upper) / 2;
    }

    /** The value that would be at {@code k} once {@code a} were sorted; reorders {@code a} around it. */
    static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int lt = lo;
            int i = lo;
            int gt = hi;
            while (i <= gt) {
                int sign = Double.compare(a[i], pivot);
                if (sign < 0) {
                    swap(a, lt++, i++);
                } else if (sign > 0) {
                    swap(a, i, gt--);
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return a[k];
    }

    private static double medianOfThree(double a, double b, double c) {
        if (Double.compare(a, b) > 0) {
            double t = a;
            a = b;
            b = t;
        }
        return Double.compare(b, c) <= 0 ? b : Double.compare(a, c) >= 0 ? a : c;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
