package dev.plumbline.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** When to try a notification again: exponential backoff, or the receiver's own {@code Retry-After}. */
record RetryPolicy(Duration initial, Duration max) {

    /** Whether a failed attempt is worth repeating: network errors, 408, 429 and 5xx; other 4xx are final. */
    static boolean retryable(Integer status) {
        return status == null || status == 408 || status == 429 || status >= 500;
    }

    /** The wait after the given number of failed attempts (1 for the first): initial, 2×, 4×, … capped. */
    Duration backoff(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** The wait a {@code Retry-After} header asks for (seconds or an HTTP date), capped at the maximum. */
    Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        return header.map(String::trim).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException notSeconds) {
                try {
                    return Optional.of(Duration.between(now,
                            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        }).map(wait -> wait.isNegative() ? Duration.ZERO : wait.compareTo(max) > 0 ? max : wait);
    }
}
