package dev.plumbline.monitor;

import jakarta.ws.rs.BadRequestException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The periods a trend page offers, from the last six hours to the last year. */
public enum TrendRange {
    HOURS_6("6h", "6 hours", Duration.ofHours(6)),
    HOURS_24("24h", "24 hours", Duration.ofHours(24)),
    DAYS_7("7d", "7 days", Duration.ofDays(7)),
    DAYS_30("30d", "30 days", Duration.ofDays(30)),
    YEAR("1y", "year", Duration.ofDays(365));

    private final String code;
    private final String label;
    private final Duration length;

    TrendRange(String code, String label, Duration length) {
        this.code = code;
        this.label = label;
        this.length = length;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }

    /** The range a page's {@code ?range=} asks for: the last 24 hours when absent, 400 for an unknown code. */
    public static TrendRange requested(String code) {
        return code == null ? HOURS_24 : of(code)
                .orElseThrow(() -> new BadRequestException("range must be one of 6h, 24h, 7d, 30d, 1y"));
    }

    /** The range with this code (as in {@code ?range=7d}); none for anything else. */
    public static Optional<TrendRange> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
