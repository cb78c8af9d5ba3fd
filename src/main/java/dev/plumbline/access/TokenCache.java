package dev.plumbline.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The identities of recently checked API tokens, by the token's SHA-256, each trusted for
 * {@code plumbline.access.token-cache-ttl}, so that a script's requests do not each cost a database write. Revoking
 * empties it when the revocation commits (and once before, so no check that started earlier can fill it again).
 * In the last quarter of an entry's life one request checks the token again while the others still use the entry,
 * so a busy token's expiry does not send every request in flight to the database at once.
 */
@ApplicationScoped
public class TokenCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(SecurityIdentity identity, long refreshAt, long expiresAt, AtomicBoolean refreshing) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final LongSupplier clock;
    private final TransactionSynchronizationRegistry transactions;

    @Inject
    public TokenCache(AccessConfig config, TransactionSynchronizationRegistry transactions) {
        this(config.tokenCacheTtl().toNanos(), System::nanoTime, transactions);
    }

    TokenCache(long ttlNanos, LongSupplier clock, TransactionSynchronizationRegistry transactions) {
        this.ttlNanos = ttlNanos;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The identity the token was found to have within the TTL, or null. */
    SecurityIdentity get(String sha256) {
        Entry entry = entries.get(sha256);
        if (entry == null || entry.expiresAt() - clock.getAsLong() <= 0) {
            return null;
        }
        return entry.identity();
    }

    /** Whether the caller should check the token again now: once per entry, in the last quarter of its life. */
    boolean claimRefresh(String sha256) {
        Entry entry = entries.get(sha256);
        return entry != null && clock.getAsLong() - entry.refreshAt() >= 0 && entry.refreshing().compareAndSet(false,
                true);
    }

    /** Forgets a token found unknown or revoked. */
    void forget(String sha256) {
        entries.remove(sha256);
    }

    /** A stamp to take before asking the database, handed back to {@link #put}. */
    long generation() {
        return generation.get();
    }

    /** Keeps an identity found in the database, unless tokens were revoked since {@code generation} was taken. */
    void put(String sha256, SecurityIdentity identity, long generation) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        long now = clock.getAsLong();
        entries.put(sha256, new Entry(identity, now + ttlNanos * 3 / 4, now + ttlNanos, new AtomicBoolean()));
        if (this.generation.get() != generation) {
            entries.remove(sha256);
        }
    }

    /** Forgets every token now and again when the current transaction ends, as a revocation does. */
    void revoked() {
        clear();
        if (transactions != null && transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        clear();
                    }
                }
            });
        }
    }

    private void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
