package dev.plumbline.monitor.rules;

import java.time.Duration;

/** Durations as alert summaries say them: {@code 5m}, {@code 1h 30m}, {@code 42s}. */
final class Durations {

    private Durations() {
    }

    static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        String text = minutes >= 60 ? minutes / 60 + "h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + "m")
                : minutes + "m";
        return seconds % 60 == 0 || minutes >= 60 ? text : text + " " + seconds % 60 + "s";
    }
}
