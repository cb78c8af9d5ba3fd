package dev.plumbline.featurestore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.plumbline.featurestore.OnlineStore.StoredText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The online table's rows as this replica last read them, by view version and entity (an entity with no row is
 * remembered as such), so that serving a known entity asks nothing of PostgreSQL. A row is kept only while it is
 * known to be current: PostgreSQL notifies every change of the table to every replica at commit
 * ({@link OnlineChanges}), this replica's own writes are forgotten as they commit, and while the listening
 * connection is down nothing is kept at all and serving reads the table.
 * <p>
 * A read that misses reserves the entity before asking the database and keeps the answer only if its reservation
 * is still there afterwards: a change notified in between removes the reservation, so an answer read before a
 * change is never kept after it. The size is bounded by {@code plumbline.features.online-cache.max-bytes} (twice
 * the stored JSON texts' lengths, for the text and the answer written from it; {@code 0} turns the cache off),
 * least recently used first out.
 */
@ApplicationScoped
public class OnlineCache {

    private record Key(long version, String entity) {
    }

    /** A read in progress for an entity; only identity matters. */
    private static final class Reservation {
        private final long epoch;

        private Reservation(long epoch) {
            this.epoch = epoch;
        }
    }

    private static final Object ABSENT = new Object();
    private static final int ENTRY_OVERHEAD = 96;

    private final ConcurrentMap<Key, Object> entries;
    private final AtomicLong epoch = new AtomicLong();
    private final Counter hits;
    private final Counter misses;
    private volatile boolean live;

    @Inject
    public OnlineCache(@ConfigProperty(name = "plumbline.features.online-cache.max-bytes", defaultValue = "256M")
            MemorySize maxBytes, MeterRegistry meters) {
        this(maxBytes.asLongValue(), meters);
    }

    OnlineCache(long maxBytes, MeterRegistry meters) {
        this.entries = maxBytes <= 0 ? null : Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key key, Object value) -> ENTRY_OVERHEAD + key.entity().length()
                        + (value instanceof StoredText text ? 2 * text.json().length() : 0))
                .executor(Runnable::run).<Key, Object>build().asMap();
        this.hits = Counter.builder("plumbline.feature.online.cache").tag("result", "hit")
                .description("Online serving's reads of an entity's values answered from memory").register(meters);
        this.misses = Counter.builder("plumbline.feature.online.cache").tag("result", "miss")
                .description("Online serving's reads of an entity's values that asked PostgreSQL").register(meters);
    }

    boolean enabled() {
        return entries != null;
    }

    /** Every entity's stored values (none for an entity with no row) if all of them are held, else null. */
    Map<String, StoredText> held(long version, List<String> entities) {
        if (!live || entries == null) {
            return null;
        }
        Map<String, StoredText> found = new HashMap<>();
        for (String entity : entities) {
            Object held = entries.get(new Key(version, entity));
            if (held instanceof StoredText text) {
                found.put(entity, text);
            } else if (held != ABSENT) {
                return null;
            }
        }
        hits.increment(entities.size());
        return found;
    }

    /**
     * The entities' stored values: those held, and the others from {@code database} (given the entities it must
     * read, answering those that have a row), which are kept unless they changed meanwhile.
     */
    Map<String, StoredText> read(long version, List<String> entities,
            Function<List<String>, Map<String, StoredText>> database) {
        long readEpoch = epoch.get();
        boolean keeping = live && entries != null;
        Map<String, StoredText> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        Map<Key, Reservation> reserved = new IdentityHashMap<>();
        for (String entity : entities) {
            Key key = new Key(version, entity);
            Object held = keeping ? entries.get(key) : null;
            if (held instanceof StoredText text) {
                found.put(entity, text);
            } else if (held != ABSENT) {
                missing.add(entity);
                if (keeping && held == null) {
                    Reservation reservation = new Reservation(readEpoch);
                    if (entries.putIfAbsent(key, reservation) == null) {
                        reserved.put(key, reservation);
                    }
                }
            }
        }
        hits.increment(entities.size() - missing.size());
        if (missing.isEmpty()) {
            return found;
        }
        misses.increment(missing.size());
        Map<String, StoredText> read;
        try {
            read = database.apply(missing);
        } catch (RuntimeException e) {
            reserved.forEach(entries::remove);
            throw e;
        }
        found.putAll(read);
        reserved.forEach((key, reservation) -> keep(key, reservation, read.get(key.entity())));
        return found;
    }

    private void keep(Key key, Reservation reservation, StoredText text) {
        boolean current = live && epoch.get() == reservation.epoch;
        if (!current || !entries.replace(key, reservation, text == null ? ABSENT : text)) {
            entries.remove(key, reservation);
        }
    }

    /** Forgets the entities' values (and any read of them in progress). */
    void forget(long version, Collection<String> entities) {
        if (entries != null) {
            entities.forEach(entity -> entries.remove(new Key(version, entity)));
        }
    }

    /** Applies one notification of {@code feature_online_changed()}: "*", a view version, or version:entity. */
    void changed(String payload) {
        if (entries == null) {
            return;
        }
        int colon = payload.indexOf(':');
        if (payload.equals("*")) {
            entries.clear();
        } else if (colon < 0) {
            long version = Long.parseLong(payload);
            entries.keySet().removeIf(key -> key.version() == version);
        } else {
            entries.remove(new Key(Long.parseLong(payload.substring(0, colon)), payload.substring(colon + 1)));
        }
    }

    /** Changes are heard from now on: values read after this may be kept. */
    void listening() {
        epoch.incrementAndGet();
        live = true;
    }

    /** Changes may go unheard: nothing is kept, and what was read before is forgotten. */
    void deaf() {
        live = false;
        epoch.incrementAndGet();
        if (entries != null) {
            entries.clear();
        }
    }

    boolean live() {
        return live;
    }
}
