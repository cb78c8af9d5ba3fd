package dev.plumbline.validate.window;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span a windowed rule is judged over: the batches validated within a duration before the current one
 * ({@code 15m}, {@code 1h}, {@code 2d}, {@code 90s} or ISO-8601 such as {@code PT1H}), or the last N batches
 * counting the current one ({@code 10 batches}).
 */
public record Window(Duration span, Integer batches) {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
    private static final Pattern BATCHES = Pattern.compile("(\\d+)\\s+batch(es)?");

    public Window {
        if ((span == null) == (batches == null)) {
            throw new IllegalArgumentException("a window is either a duration or a number of batches");
        }
        if (span != null && (span.isNegative() || span.isZero())) {
            throw new IllegalArgumentException("a window must be longer than zero, got " + span);
        }
        if (batches != null && batches < 1) {
            throw new IllegalArgumentException("a window must span at least 1 batch, got " + batches);
        }
    }

    /** Reads a window as written in a contract; refuses anything else with what it expects. */
    public static Window parse(String text) {
        String written = text.trim().toLowerCase(Locale.ROOT);
        Matcher batches = BATCHES.matcher(written);
        if (batches.matches()) {
            return new Window(null, Integer.valueOf(batches.group(1)));
        }
        Matcher span = SHORT.matcher(written);
        if (span.matches()) {
            long amount = Long.parseLong(span.group(1));
            return new Window(switch (span.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            }, null);
        }
        try {
            return new Window(Duration.parse(text.trim()), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("window must be a duration such as 15m, 1h, 2d or PT1H, or a number "
                    + "of batches such as \"10 batches\", got \"" + text + "\"");
        }
    }

    /** How the window reads in a result, e.g. "1h" or "10 batches". */
    public String describe() {
        if (batches != null) {
            return batches + (batches == 1 ? " batch" : " batches");
        }
        return span.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
