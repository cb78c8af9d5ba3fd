package dev.plumbline.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How figures read on every page, as {@code {fmt:percent(x)}} and the like: shares as percentages, delays as
 * durations, times as "ago". Namespaced, so that a figure not there yet (null) reads "—" instead of failing.
 */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    static final String NONE = "—";

    private Formats() {
    }

    /** 0.98765 → "98.77%"; a share that is not there yet → "—". */
    static String percent(Double share) {
        return share == null ? NONE : String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    /** 950 → "950 ms", 4200 → "4.2 s", 185000 → "3 min 5 s", 9000000 → "2 h 30 min". */
    static String duration(Long millis) {
        if (millis == null) {
            return NONE;
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        Duration d = Duration.ofMillis(millis);
        if (d.toHours() == 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return d.toDays() > 0 ? d.toDays() + " d " + d.toHoursPart() + " h" : d.toHours() + " h " + d.toMinutesPart() + " min";
    }

    /** A text as one component of a URL's query: "a b&c" → "a+b%26c". */
    static String query(Object text) {
        return text == null ? "" : URLEncoder.encode(text.toString(), StandardCharsets.UTF_8);
    }

    /** How long before now an instant was, as "12 s ago". */
    static String ago(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        return duration(Math.max(0, Duration.between(instant, Instant.now()).toMillis())) + " ago";
    }
}
