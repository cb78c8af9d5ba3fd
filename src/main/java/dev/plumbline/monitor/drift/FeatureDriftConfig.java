package dev.plumbline.monitor.drift;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The feature drift job: how often it measures, over which window, and the least sample it judges. */
@ConfigMapping(prefix = "plumbline.features.drift")
public interface FeatureDriftConfig {

    /** How often every active view's features are measured ({@code off} disables the schedule, as the tests do). */
    @WithDefault("1m")
    String interval();

    /** The values measured: those of the entities the view refreshed (had events known) within this window. */
    @WithDefault("5m")
    Duration window();

    /** Fewer values than this (nulls included) is "insufficient data": PSI grows on small samples. */
    @WithDefault("100")
    long minSample();
}
