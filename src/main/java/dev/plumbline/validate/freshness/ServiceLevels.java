package dev.plumbline.validate.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.contract.ActiveContract;
import dev.plumbline.contract.ContractProblem;
import dev.plumbline.contract.OdcsContract;
import dev.plumbline.contract.OdcsContract.SchemaProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service levels of a contract's {@code slaProperties} that Plumbline measures: {@code latency}, the most a
 * record may take from its event time ({@code element}, else {@code slaDefaultElement}, else the contract's
 * {@code eventTimeField}) to ingestion, judged on each batch's 99th percentile; and {@code freshness}, the
 * longest a dataset may go without a new record. Other properties (retention, availability…) are left alone.
 */
public record ServiceLevels(Duration latency, String latencyColumn, Duration freshness) {

    public static final ServiceLevels NONE = new ServiceLevels(null, null, null);
    private static final String LATENCY = "latency";
    private static final String FRESHNESS = "freshness";

    /** Reads the levels; what cannot be measured goes to {@code problems}, with its line and path. */
    public static ServiceLevels read(OdcsContract contract, List<ContractProblem> problems) {
        JsonNode properties = contract.document().path("slaProperties");
        if (!properties.isMissingNode() && !properties.isArray()) {
            problems.add(problem(contract, "slaProperties", "slaProperties must be a list"));
            return NONE;
        }
        List<ContractProblem> found = new ArrayList<>();
        Integer latencyAt = only(contract, properties, LATENCY, found);
        Integer freshnessAt = only(contract, properties, FRESHNESS, found);
        Duration freshness = freshnessAt == null ? null : duration(contract, properties, freshnessAt, found);
        Duration latency = latencyAt == null ? null : duration(contract, properties, latencyAt, found);
        String column = latencyAt == null ? null : element(contract, properties.get(latencyAt),
                "slaProperties[" + latencyAt + "]", found);
        found.sort(Comparator.comparingInt(ContractProblem::line));
        problems.addAll(found);
        return latency == null || column == null ? new ServiceLevels(null, null, freshness)
                : new ServiceLevels(latency, column, freshness);
    }

    /** The index of the one entry for {@code property}; a second one is a problem. */
    private static Integer only(OdcsContract contract, JsonNode properties, String property,
            List<ContractProblem> problems) {
        Integer first = null;
        for (int i = 0; i < properties.size(); i++) {
            if (!property.equals(properties.get(i).path("property").asText())) {
                continue;
            }
            if (first == null) {
                first = i;
            } else {
                problems.add(problem(contract, "slaProperties[" + i + "].property", "a second " + property
                        + "; give one"));
            }
        }
        return first;
    }

    private static Duration duration(OdcsContract contract, JsonNode properties, int index,
            List<ContractProblem> problems) {
        JsonNode sla = properties.get(index);
        String path = "slaProperties[" + index + "]";
        JsonNode value = sla.path("value");
        if (!value.isNumber() || value.doubleValue() <= 0) {
            problems.add(problem(contract, path + ".value", "value must be a number above 0, got " + value));
            return null;
        }
        long unitMillis = switch (sla.path("unit").asText("").toLowerCase(Locale.ROOT)) {
            case "ms", "millisecond", "milliseconds" -> 1;
            case "s", "sec", "second", "seconds" -> 1_000;
            case "m", "min", "minute", "minutes" -> 60_000;
            case "h", "hr", "hour", "hours" -> 3_600_000;
            case "d", "day", "days" -> 86_400_000;
            default -> 0;
        };
        if (unitMillis == 0) {
            problems.add(problem(contract, path + ".unit", "unit must be one of ms, s, m, h or d (or their "
                    + "names), got " + (sla.has("unit") ? "\"" + sla.path("unit").asText() + "\"" : "none")));
            return null;
        }
        return Duration.ofMillis(Math.round(value.doubleValue() * unitMillis));
    }

    /** The column of {@code object.column} or {@code column}; it must be a property of the dataset. */
    private static String element(OdcsContract contract, JsonNode sla, String path, List<ContractProblem> problems) {
        String eventTimeField = ActiveContract.eventTimeField(contract);
        Set<String> columns = columns(contract);
        String element = sla.path("element").asText(contract.document().path("slaDefaultElement")
                .asText(eventTimeField));
        if (element == null) {
            problems.add(problem(contract, path, "latency needs an element naming the event time property "
                    + "(or the eventTimeField custom property)"));
            return null;
        }
        String column = element.substring(element.lastIndexOf('.') + 1);
        if (!columns.contains(column)) {
            problems.add(problem(contract, path + ".element", "element must name a property of the dataset, got \""
                    + element + "\""));
            return null;
        }
        return column;
    }

    private static Set<String> columns(OdcsContract contract) {
        List<SchemaProperty> properties = contract.schema() == null || contract.schema().isEmpty()
                || contract.schema().get(0).properties() == null ? List.of() : contract.schema().get(0).properties();
        return properties.stream().map(SchemaProperty::name).collect(Collectors.toSet());
    }

    private static ContractProblem problem(OdcsContract contract, String path, String message) {
        return new ContractProblem(contract.lines().lineOf(path), path, message);
    }
}
