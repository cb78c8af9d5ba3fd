package dev.plumbline.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A checked token is trusted for the TTL and no longer; a revocation forgets every token at once. */
class TokenCacheTest {

    final AtomicLong now = new AtomicLong();
    final TokenCache cache = new TokenCache(Duration.ofSeconds(5).toNanos(), now::get, null);
    final SecurityIdentity alice = SignedInIdentity.byApiToken(new Account(1, "alice", "Alice", null, false,
            Map.of()));

    @Test
    void aCheckedTokenIsTrustedUntilItsTtlHasPassed() {
        cache.put("sha", alice, cache.generation());
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(cache.get("sha")).isSameAs(alice);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.get("sha")).as("expired: checked against the database again").isNull();
        assertThat(cache.get("other")).isNull();
    }

    @Test
    void oneRequestChecksABusyTokenAgainInTheLastQuarterOfItsTtlWhileTheOthersUseTheEntry() {
        cache.put("sha", alice, cache.generation());
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(cache.claimRefresh("sha")).isFalse();
        now.addAndGet(Duration.ofMillis(800).toNanos());
        assertThat(cache.claimRefresh("sha")).isTrue();
        assertThat(cache.claimRefresh("sha")).as("claimed once").isFalse();
        assertThat(cache.get("sha")).isSameAs(alice);
        cache.put("sha", alice, cache.generation());
        assertThat(cache.claimRefresh("sha")).as("a fresh entry").isFalse();
    }

    @Test
    void revokingForgetsEveryToken() {
        cache.put("sha", alice, cache.generation());
        cache.revoked();
        assertThat(cache.get("sha")).isNull();
    }

    @Test
    void aCheckThatStartedBeforeARevocationIsNotKept() {
        long generation = cache.generation();
        cache.revoked();
        cache.put("sha", alice, generation);
        assertThat(cache.get("sha")).isNull();
    }
}
