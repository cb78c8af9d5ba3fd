package dev.plumbline.validate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How validation cuts staged records into micro-batches. */
@ConfigMapping(prefix = "plumbline.validate")
public interface ValidateConfig {

    /** The most records in one micro-batch; a batch this full is validated at once. */
    @WithDefault("1000")
    int maxRecords();

    /** How long the oldest staged record may wait before a smaller batch is validated anyway. */
    @WithDefault("2s")
    Duration maxWait();

    /** How often the runner looks for batches that are due; one second at the least. */
    @WithDefault("1s")
    Duration pollInterval();
}
