package dev.plumbline.featurestore.training;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long training sets' rows are kept (their records, pinned versions and leakage audit, stay), and how much of
 * the log of view versions' event changes.
 */
@ConfigMapping(prefix = "plumbline.training-sets.retention")
public interface TrainingSetRetentionConfig {

    /** The rows (Parquet) of sets asked for longer ago than this are deleted. */
    @WithDefault("30d")
    Duration rows();

    /**
     * How many of each view version's latest event changes the log of changes keeps (the training-set join's copy
     * of a version's events is used only while the log shows what changed since it was read; an older copy is read
     * again).
     */
    @WithDefault("10000")
    long changeLog();

    /** How often the sweep runs ({@code off} disables it, as the tests do). */
    @WithDefault("1h")
    String sweep();
}
