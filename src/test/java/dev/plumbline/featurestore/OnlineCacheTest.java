package dev.plumbline.featurestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.featurestore.OnlineStore.StoredText;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the near cache keeps, and above all what it must not keep: a value read before a change it missed. */
class OnlineCacheTest {

    static final long VIEW = 7;
    static final StoredText OLD = new StoredText("{\"n\": 1}", Instant.parse("2026-12-07T10:00:00Z"));
    static final StoredText NEW = new StoredText("{\"n\": 2}", Instant.parse("2026-12-07T10:01:00Z"));

    final OnlineCache cache = new OnlineCache(1 << 20, new SimpleMeterRegistry());
    final Map<String, StoredText> table = new HashMap<>(Map.of("a", OLD));
    final List<List<String>> asked = new ArrayList<>();

    @Test
    void keepsWhatItReadAndThatAnEntityHasNoValuesOnceItHears() {
        assertThat(cache.read(VIEW, List.of("a", "b"), this::database)).isEqualTo(Map.of("a", OLD));
        assertThat(cache.held(VIEW, List.of("a"))).as("not listening yet: nothing kept").isNull();

        cache.listening();
        cache.read(VIEW, List.of("a", "b"), this::database);
        assertThat(cache.held(VIEW, List.of("a", "b"))).isEqualTo(Map.of("a", OLD));
        assertThat(cache.read(VIEW, List.of("b", "a"), this::database)).isEqualTo(Map.of("a", OLD));
        assertThat(asked).as("the third read asked nothing").hasSize(2);
        assertThat(cache.held(VIEW + 1, List.of("a"))).as("another view version").isNull();
    }

    @Test
    void forgetsAnEntityWhenItsChangeIsHeard() {
        cache.listening();
        cache.read(VIEW, List.of("a", "b"), this::database);
        table.put("a", NEW);
        cache.changed(VIEW + ":a");
        assertThat(cache.held(VIEW, List.of("a"))).isNull();
        assertThat(cache.held(VIEW, List.of("b"))).isEqualTo(Map.of());
        assertThat(cache.read(VIEW, List.of("a"), this::database)).isEqualTo(Map.of("a", NEW));

        table.put("b", NEW);
        cache.changed(String.valueOf(VIEW));
        assertThat(cache.held(VIEW, List.of("b"))).as("a change naming the view version alone").isNull();
        cache.read(VIEW, List.of("a", "b"), this::database);
        cache.changed("*");
        assertThat(cache.held(VIEW, List.of("a"))).isNull();
    }

    @Test
    void aChangeHeardWhileReadingIsNotOverwrittenByWhatWasRead() {
        cache.listening();
        Map<String, StoredText> answer = cache.read(VIEW, List.of("a"), entities -> {
            Map<String, StoredText> read = database(entities);
            table.put("a", NEW);
            cache.changed(VIEW + ":a");
            return read;
        });
        assertThat(answer).as("this answer is as of its read").isEqualTo(Map.of("a", OLD));
        assertThat(cache.held(VIEW, List.of("a"))).isNull();
        assertThat(cache.read(VIEW, List.of("a"), this::database)).isEqualTo(Map.of("a", NEW));
        assertThat(cache.held(VIEW, List.of("a"))).isEqualTo(Map.of("a", NEW));
    }

    @Test
    void keepsNothingReadAcrossALossOfHearing() {
        cache.listening();
        cache.read(VIEW, List.of("a"), entities -> {
            cache.deaf();
            cache.listening();
            return database(entities);
        });
        assertThat(cache.held(VIEW, List.of("a"))).as("changes in the gap went unheard").isNull();

        cache.read(VIEW, List.of("a"), this::database);
        cache.deaf();
        assertThat(cache.held(VIEW, List.of("a"))).isNull();
        cache.read(VIEW, List.of("a"), this::database);
        cache.listening();
        assertThat(cache.held(VIEW, List.of("a"))).as("read while deaf").isNull();
    }

    @Test
    void aFailedReadLeavesNothingBehind() {
        cache.listening();
        assertThatThrownBy(() -> cache.read(VIEW, List.of("a"), entities -> {
            throw new IllegalStateException("database down");
        })).hasMessage("database down");
        cache.read(VIEW, List.of("a"), this::database);
        assertThat(cache.held(VIEW, List.of("a"))).isEqualTo(Map.of("a", OLD));
    }

    @Test
    void holdsNoMoreThanItsSizeAndNothingWhenTurnedOff() {
        OnlineCache small = new OnlineCache(2_000, new SimpleMeterRegistry());
        small.listening();
        for (int i = 0; i < 100; i++) {
            table.put("e" + i, OLD);
            small.read(VIEW, List.of("e" + i), this::database);
        }
        long held = java.util.stream.IntStream.range(0, 100)
                .filter(i -> small.held(VIEW, List.of("e" + i)) != null).count();
        assertThat(held).isBetween(1L, 20L);

        OnlineCache off = new OnlineCache(0, new SimpleMeterRegistry());
        off.listening();
        off.read(VIEW, List.of("a"), this::database);
        assertThat(off.enabled()).isFalse();
        assertThat(off.held(VIEW, List.of("a"))).isNull();
    }

    private Map<String, StoredText> database(List<String> entities) {
        asked.add(entities);
        Map<String, StoredText> found = new HashMap<>();
        entities.stream().filter(table::containsKey).forEach(e -> found.put(e, table.get(e)));
        return found;
    }
}
