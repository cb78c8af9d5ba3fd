package dev.plumbline.featurestore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.featurestore.OnlineStore.StoredText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Served answers copy the stored values as they are, in the order asked for, each with its as-of instant. */
class ServedJsonTest {

    static final Instant AS_OF = Instant.parse("2026-12-07T08:00:00.123456Z");

    @Test
    void everyWantedFeatureInTheOrderAskedWithItsStoredValueAndAsOf() {
        StoredText stored = new StoredText("""
                {"b": "EUR", "a": 12.50, "big": 123456789012345678901234, "nested": {"x": [1, 2]}, "other": 1}""",
                AS_OF);
        String json = text(new ServedJson(List.of("a", "b", "big", "nested", "absent"))
                .single("v", "1.0.0", "e-1", stored));
        assertThat(json).isEqualTo("{\"view\":\"v\",\"version\":\"1.0.0\",\"entity\":\"e-1\",\"features\":{"
                + "\"a\":{\"value\":12.50,\"asOf\":\"2026-12-07T08:00:00.123456Z\"},"
                + "\"b\":{\"value\":\"EUR\",\"asOf\":\"2026-12-07T08:00:00.123456Z\"},"
                + "\"big\":{\"value\":123456789012345678901234,\"asOf\":\"2026-12-07T08:00:00.123456Z\"},"
                + "\"nested\":{\"value\":{\"x\":[1,2]},\"asOf\":\"2026-12-07T08:00:00.123456Z\"},"
                + "\"absent\":{\"value\":null,\"asOf\":\"2026-12-07T08:00:00.123456Z\"}}}");
    }

    @Test
    void aBatchAnswersEveryEntityAskedForInOrderAndAnUnknownOneWithNoFeatures() {
        Map<String, StoredText> stored = Map.of("e-2", new StoredText("{\"a\": null, \"b\": true}", AS_OF));
        String json = text(new ServedJson(List.of("b", "a")).batch("v", "2.0.0", List.of("e-2", "unknown", "e-2"),
                stored));
        String e2 = "{\"entity\":\"e-2\",\"features\":{\"b\":{\"value\":true,\"asOf\":\"2026-12-07T08:00:00.123456Z\"},"
                + "\"a\":{\"value\":null,\"asOf\":\"2026-12-07T08:00:00.123456Z\"}}}";
        assertThat(json).isEqualTo("{\"view\":\"v\",\"version\":\"2.0.0\",\"results\":[" + e2
                + ",{\"entity\":\"unknown\",\"features\":{}}," + e2 + "]}");
    }

    @Test
    void theWriterOfAllFeaturesWritesAnEntityOnceAndKeepsItWithItsValues() {
        StoredText stored = new StoredText("{\"a\": 1, \"b\": \"x\"}", AS_OF);
        ServedJson all = new ServedJson(List.of("a", "b"), true);
        String first = text(all.single("v", "1.0.0", "e-1", stored));
        assertThat(first).isEqualTo(text(new ServedJson(List.of("a", "b")).single("v", "1.0.0", "e-1", stored)));
        assertThat(text(all.single("v", "1.0.0", "e-1", stored))).isEqualTo(first);
        assertThat(text(all.batch("v", "1.0.0", List.of("e-1"), Map.of("e-1", stored))))
                .isEqualTo("{\"view\":\"v\",\"version\":\"1.0.0\",\"results\":[{\"entity\":\"e-1\""
                        + first.substring(first.indexOf(",\"features\"")) + "]}");
        assertThat(stored.written(s -> new byte[0])).as("kept").isNotEmpty();
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
