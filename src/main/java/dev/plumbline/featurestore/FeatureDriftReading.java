package dev.plumbline.featurestore;

import java.time.Instant;
import java.util.Locale;

/**
 * One feature's latest drift measurement against its frozen baseline: PSI over the values the view refreshed in
 * the window, or no verdict ("insufficient data" below the minimum sample, "undefined" when values do not fit).
 */
public record FeatureDriftReading(String feature, Instant measuredAt, Instant windowStart, long sample, Double psi,
        String status, String detail) {

    public static final String MEASURED = "measured";
    public static final String INSUFFICIENT = "insufficient";
    public static final String UNDEFINED = "undefined";

    public boolean measured() {
        return MEASURED.equals(status) && psi != null;
    }

    /** The PSI to three decimals, or what stands in its place. */
    public String psiText() {
        return measured() ? String.format(Locale.ROOT, "%.3f", psi)
                : INSUFFICIENT.equals(status) ? "insufficient data" : "undefined";
    }
}
