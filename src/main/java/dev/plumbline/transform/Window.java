package dev.plumbline.transform;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The span a feature looks back over, written as a count and a unit: {@code 30s}, {@code 15m}, {@code 1h}, {@code 30d}. */
public record Window(String text, Duration length) {

    static final Duration LONGEST = Duration.ofDays(366);
    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,5})([smhd])");

    /** Reads a window, or throws an {@link IllegalArgumentException} that says what is expected. */
    public static Window parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("window \"" + text + "\" is not a duration: expected a whole number "
                    + "and a unit s, m, h or d, such as 1h, 7d or 30d");
        }
        long n = Long.parseLong(m.group(1));
        Duration length = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (length.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("window \"" + text + "\" is longer than the longest allowed, 366d");
        }
        return new Window(text.strip(), length);
    }
}
