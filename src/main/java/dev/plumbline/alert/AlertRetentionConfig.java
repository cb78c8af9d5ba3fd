package dev.plumbline.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long alert history and the delivery log are kept. */
@ConfigMapping(prefix = "plumbline.alert.retention")
public interface AlertRetentionConfig {

    /** Resolved alerts older than this (by when they resolved) are deleted; open ones always stay. */
    @WithDefault("90d")
    Duration alerts();

    /** Sent and failed notifications older than this (by when they were written) are deleted; pending ones stay. */
    @WithDefault("30d")
    Duration notifications();

    /** How often the sweep runs ({@code off} disables it, as the tests do). */
    @WithDefault("1h")
    String sweep();
}
