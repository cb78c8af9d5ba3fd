package dev.plumbline.featurestore.training;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long training sets' rows are kept; their records (pinned versions, leakage audit) stay. */
@ConfigMapping(prefix = "plumbline.training-sets.retention")
public interface TrainingSetRetentionConfig {

    /** The rows (Parquet) of sets asked for longer ago than this are deleted. */
    @WithDefault("30d")
    Duration rows();

    /** How often the sweep runs ({@code off} disables it, as the tests do). */
    @WithDefault("1h")
    String sweep();
}
