package dev.plumbline.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox sender posts notifications: how often, how patiently, for how long. */
@ConfigMapping(prefix = "plumbline.alert.delivery")
public interface DeliveryConfig {

    /** How often due notifications are sent ({@code off} disables the schedule, as the tests do). */
    @WithDefault("2s")
    String interval();

    /** The wait before the first retry; each further retry waits twice as long. */
    @WithDefault("5s")
    Duration initialBackoff();

    /** The longest wait between two attempts, and the longest {@code Retry-After} honoured. */
    @WithDefault("5m")
    Duration maxBackoff();

    /** A notification not acknowledged this long after it was written is given up, with the failure kept. */
    @WithDefault("1h")
    Duration maxAge();

    /** How long one POST may take. */
    @WithDefault("10s")
    Duration timeout();
}
