package dev.plumbline.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.contract.Problems;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code sla} object of a feature view: {@code freshness}, {@code psiThreshold}, {@code servingP99}. */
final class SlaParser {

    static final Duration DEFAULT_FRESHNESS = Duration.ofHours(1);
    static final double DEFAULT_PSI = 0.2;
    static final Duration DEFAULT_SERVING_P99 = Duration.ofMillis(50);

    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,6})(ms|s|m|h|d)");

    private final Problems problems;

    SlaParser(Problems problems) {
        this.problems = problems;
    }

    /** The SLAs written, with DESIGN.md's defaults for those left out (freshness 1 h, PSI 0.2, p99 50 ms). */
    FeatureSla parse(JsonNode sla) {
        if (sla == null) {
            return new FeatureSla(DEFAULT_FRESHNESS, DEFAULT_PSI, DEFAULT_SERVING_P99);
        }
        if (!problems.isObject(sla, "sla")) {
            return null;
        }
        Duration freshness = duration(sla, "freshness", DEFAULT_FRESHNESS);
        Duration p99 = duration(sla, "servingP99", DEFAULT_SERVING_P99);
        Double psi = DEFAULT_PSI;
        JsonNode threshold = sla.get("psiThreshold");
        if (threshold != null) {
            psi = problems.isNumber(threshold, "sla.psiThreshold") ? threshold.asDouble() : null;
            if (psi != null && psi <= 0) {
                problems.at("sla.psiThreshold", "psiThreshold must be above 0, found " + psi);
            }
        }
        return new FeatureSla(freshness, psi, p99);
    }

    private Duration duration(JsonNode sla, String field, Duration fallback) {
        JsonNode value = sla.get(field);
        if (value == null) {
            return fallback;
        }
        Matcher m = value.isTextual() ? DURATION.matcher(value.asText().strip()) : null;
        if (m == null || !m.matches()) {
            problems.at("sla." + field, field + " must be a duration such as 250ms, 30s, 5m, 1h or 1d, found "
                    + (value.isTextual() ? "\"" + value.asText() + "\"" : Problems.describe(value)));
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
