package dev.plumbline.contract;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Alertmanager writes them ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 1d}, {@code 250ms},
 * {@code 0}), read from routing files and from a contract's alert thresholds.
 */
public final class DurationText {

    private static final Pattern SYNTAX =
            Pattern.compile("^(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?$");
    private static final long[] MILLIS = {7 * 86_400_000L, 86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};

    private DurationText() {
    }

    public static Duration parse(String text, String where) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (text.trim().equals("0")) {
            return Duration.ZERO;
        }
        if (text.isBlank() || !m.matches()) {
            throw new IllegalArgumentException(where + ": not a duration: '" + text + "' (e.g. 30s, 5m, 1h30m)");
        }
        long millis = 0;
        for (int i = 0; i < MILLIS.length; i++) {
            if (m.group(i + 1) != null) {
                millis += Long.parseLong(m.group(i + 1)) * MILLIS[i];
            }
        }
        return Duration.ofMillis(millis);
    }

    public static String format(Duration duration) {
        long s = duration.toSeconds();
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        return s == 0 ? "0" : (s >= 3600 ? s / 3600 + "h" : "") + (s % 3600 >= 60 ? s % 3600 / 60 + "m" : "")
                + (s % 60 != 0 ? s % 60 + "s" : "");
    }
}
