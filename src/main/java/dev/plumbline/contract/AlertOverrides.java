package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A contract's own alert thresholds: the {@code customProperties} entry {@code alertThresholds}, whose value may
 * give {@code for}, {@code ingestionLag}, {@code staleness} (durations such as {@code 10m}), {@code passRate} (a
 * share above 0, at most 1), {@code psi} (above 0) and {@code critical} (a boolean). They are reviewed and
 * approved with the contract, and win over the thresholds configured for its dataset or team.
 */
public record AlertOverrides(Optional<Duration> forDuration, Optional<Duration> ingestionLag,
        Optional<Duration> staleness, OptionalDouble passRate, OptionalDouble psi, Optional<Boolean> critical) {

    public static final String PROPERTY = "alertThresholds";
    public static final AlertOverrides NONE = new AlertOverrides(Optional.empty(), Optional.empty(), Optional.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty());
    private static final List<String> DURATIONS = List.of("for", "ingestionLag", "staleness");
    private static final List<String> KNOWN = List.of("for", "ingestionLag", "staleness", "passRate", "psi",
            "critical");

    /** The thresholds a checked contract gives; none when it gives no {@code alertThresholds} entry. */
    public static AlertOverrides of(OdcsContract contract) {
        JsonNode value = entry(contract.document());
        if (value == null || !value.isObject()) {
            return NONE;
        }
        return new AlertOverrides(duration(value, "for"), duration(value, "ingestionLag"),
                duration(value, "staleness"), number(value, "passRate"), number(value, "psi"),
                value.path("critical").isBoolean() ? Optional.of(value.get("critical").asBoolean())
                        : Optional.empty());
    }

    /** Reports every threshold of the entry at {@code path} (its value) that could not be applied. */
    static void check(JsonNode value, String path, Problems problems) {
        if (!problems.isObject(value, path)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = JsonPath.field(path, field.getKey());
            JsonNode given = field.getValue();
            if (!KNOWN.contains(field.getKey())) {
                problems.at(at, "\"" + field.getKey() + "\" is not an alert threshold; known: "
                        + String.join(", ", KNOWN));
            } else if (DURATIONS.contains(field.getKey())) {
                checkDuration(given, at, problems);
            } else if (field.getKey().equals("critical")) {
                problems.expect(given.isBoolean(), "true or false", given, at);
            } else if (problems.isNumber(given, at)) {
                boolean share = field.getKey().equals("passRate");
                if (given.asDouble() <= 0 || share && given.asDouble() > 1) {
                    problems.at(at, "expected " + (share ? "a share above 0 and at most 1 (0.99 is 99%)"
                            : "a number above 0") + ", found " + given.asText());
                }
            }
        }
    }

    static boolean isEntry(JsonNode entry) {
        return PROPERTY.equals(entry.path("property").asText());
    }

    private static void checkDuration(JsonNode given, String at, Problems problems) {
        if (problems.isText(given, at)) {
            try {
                DurationText.parse(given.asText(), at);
            } catch (IllegalArgumentException e) {
                problems.at(at, "expected a duration such as 30s, 5m or 1h30m, found \"" + given.asText() + "\"");
            }
        }
    }

    private static JsonNode entry(JsonNode document) {
        for (JsonNode entry : document.path("customProperties")) {
            if (isEntry(entry)) {
                return entry.get("value");
            }
        }
        return null;
    }

    private static Optional<Duration> duration(JsonNode value, String field) {
        return value.path(field).isTextual() ? Optional.of(DurationText.parse(value.get(field).asText(), field))
                : Optional.empty();
    }

    private static OptionalDouble number(JsonNode value, String field) {
        return value.path(field).isNumber() ? OptionalDouble.of(value.get(field).asDouble()) : OptionalDouble.empty();
    }
}
