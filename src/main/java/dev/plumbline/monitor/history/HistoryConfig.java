package dev.plumbline.monitor.history;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long each resolution of the metric history is kept, and how often samples are written. */
@ConfigMapping(prefix = "plumbline.history")
public interface HistoryConfig {

    /** Minute buckets are kept this long. */
    @WithDefault("7d")
    Duration minutes();

    /** Hour buckets are kept this long. */
    @WithDefault("90d")
    Duration hours();

    /** Day buckets are kept this long. */
    @WithDefault("800d")
    Duration days();

    /** How often collected samples are written (read by its schedule; listed here to document it). */
    @WithDefault("5s")
    Duration flushInterval();

    default Duration retention(Resolution resolution) {
        return switch (resolution) {
            case MINUTE -> minutes();
            case HOUR -> hours();
            case DAY -> days();
        };
    }
}
