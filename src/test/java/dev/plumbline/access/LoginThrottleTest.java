package dev.plumbline.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    static final AccessConfig.Login LIMITS = new AccessConfig.Login() {
        @Override
        public int maxFailuresPerUser() {
            return 5;
        }

        @Override
        public int maxFailuresPerAddress() {
            return 8;
        }

        @Override
        public Duration window() {
            return Duration.ofMinutes(5);
        }
    };

    Instant now = Instant.parse("2026-03-14T12:00:00Z");
    final LoginThrottle throttle = new LoginThrottle(LIMITS, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void fiveFailuresForAUserNameLockItFromAnyAddressUntilTheyAge() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0." + i);
        }
        assertThat(throttle.isLocked("alice", "10.0.0.9")).isFalse();
        throttle.failed("Alice", "10.0.0.4");
        assertThat(throttle.isLocked("alice", "10.0.0.9")).isTrue();
        assertThat(throttle.isLocked("bob", "10.0.0.9")).isFalse();
        now = now.plus(Duration.ofMinutes(5));
        assertThat(throttle.isLocked("alice", "10.0.0.9")).isFalse();
    }

    @Test
    void anAddressTryingManyUserNamesIsLockedForAllOfThem() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("user" + i, "192.0.2.1");
        }
        assertThat(throttle.isLocked("someone-new", "192.0.2.1")).isTrue();
        assertThat(throttle.isLocked("someone-new", "192.0.2.2")).isFalse();
    }

    @Test
    void successClearsTheUserNameButNotTheAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("carol", "198.51.100.1");
        }
        throttle.succeeded("carol");
        assertThat(throttle.isLocked("carol", "198.51.100.2")).isFalse();
        for (int i = 0; i < 3; i++) {
            throttle.failed("dave", "198.51.100.1");
        }
        assertThat(throttle.isLocked("carol", "198.51.100.1")).isTrue();
    }
}
