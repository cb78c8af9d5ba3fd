package dev.plumbline.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs a demo stream the way the publisher does, one tick per second, and reads its records back. */
final class StreamFixtures {

    static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    static final Duration CYCLE = Duration.ofSeconds(60);
    static final int RATE = 20;

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    .build();

    private StreamFixtures() {
    }

    /** A record with the instant of the tick that published it. */
    record Published(Instant at, DemoEvent event) {
    }

    static List<Published> cycles(long seed, int cycles) {
        return run(new TransactionStream(seed, START, IncidentScript.every(CYCLE)), START, cycles);
    }

    static List<Published> run(TransactionStream stream, Instant from, int cycles) {
        List<Published> published = new ArrayList<>();
        for (long second = 0; second < CYCLE.toSeconds() * cycles; second++) {
            Instant now = from.plusSeconds(second);
            stream.next(now, RATE).forEach(event -> published.add(new Published(now, event)));
        }
        return published;
    }

    static List<Published> ofKind(List<Published> published, IncidentKind kind) {
        return published.stream().filter(p -> p.event().incident() == kind).toList();
    }

    static List<Published> normal(List<Published> published) {
        return published.stream().filter(p -> !p.event().isIncident()).toList();
    }

    static JsonNode json(DemoEvent event) {
        try {
            return JSON.readTree(event.value());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + event.text(), e);
        }
    }
}
