package dev.plumbline.featurestore;

import dev.plumbline.transform.FeatureViewStore;
import dev.plumbline.transform.FeatureViewVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The view versions online serving answers from, by view and pinned version (none: the active one), remembered so
 * that a request does not ask the database which version is active. An entry holds until this process writes a
 * view version (activation, rollback, deletion: {@link FeatureViewStore#changes()}) or, for writes of other
 * replicas, until {@code plumbline.features.served-version-ttl} has passed. In the last quarter of that time one
 * request reads the version again while the others still use the entry, so that under load an expiry does not send
 * every request in flight to the database at once.
 */
@ApplicationScoped
public class ServedVersions {

    static final int MAX_ENTRIES = 10_000;

    private record Key(String view, String version) {
    }

    private record Entry(Optional<FeatureViewVersion> version, long changes, long refreshAt, long expiresAt,
            AtomicBoolean refreshing) {
    }

    private final FeatureRegistry registry;
    private final FeatureViewStore store;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    public ServedVersions(FeatureRegistry registry, FeatureViewStore store,
            @ConfigProperty(name = "plumbline.features.served-version-ttl", defaultValue = "1s") Duration ttl) {
        this(registry, store, ttl, System::nanoTime);
    }

    ServedVersions(FeatureRegistry registry, FeatureViewStore store, Duration ttl, LongSupplier clock) {
        this.registry = registry;
        this.store = store;
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
    }

    /** As {@link FeatureRegistry#get}: the pinned version, or the active one when {@code version} is null. */
    public Optional<FeatureViewVersion> get(String view, String version) {
        Optional<FeatureViewVersion> remembered = remembered(view, version);
        return remembered != null ? remembered : load(view, version);
    }

    /**
     * As {@link #get} without asking the database: the remembered answer while it holds, or null when the caller
     * must {@link #load} it (no answer is remembered, or it is this caller's turn to read it again).
     */
    Optional<FeatureViewVersion> remembered(String view, String version) {
        Entry entry = entries.get(new Key(view, version));
        long now = clock.getAsLong();
        if (entry != null && entry.changes() == store.changes() && entry.expiresAt() - now > 0
                && (now - entry.refreshAt() < 0 || !entry.refreshing().compareAndSet(false, true))) {
            return entry.version();
        }
        return null;
    }

    /** Reads the answer of {@link #get} from the database and remembers it. */
    Optional<FeatureViewVersion> load(String view, String version) {
        long changes = store.changes();
        long now = clock.getAsLong();
        Optional<FeatureViewVersion> found = registry.get(view, version);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(new Key(view, version),
                new Entry(found, changes, now + ttlNanos * 3 / 4, now + ttlNanos, new AtomicBoolean()));
        return found;
    }
}
