package dev.plumbline.validate.conformance;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the Great Expectations fixture files: each dataset's {@code data} (column → values) becomes one JSON
 * object per index, read as production reads payloads (exact decimals), with the pandas {@code schemas} casts
 * that change a JSON value (str, int, float); the tests that apply to pandas become {@link GxCase}s.
 */
final class GxFixtures {

    // Python's json writes NaN and Infinity, which some fixtures hold.
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private GxFixtures() {
    }

    static List<Path> files(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<GxCase> cases(Path folder, Path file) {
        JsonNode fixture = read(file);
        String type = fixture.path("expectation_type").asText();
        String name = folder.relativize(file).toString();
        List<GxCase> cases = new ArrayList<>();
        for (JsonNode dataset : fixture.path("datasets")) {
            List<JsonNode> rows = rows(dataset.path("data"), dataset.path("schemas").path("pandas"));
            Set<String> columns = new LinkedHashSet<>();
            dataset.path("data").fieldNames().forEachRemaining(columns::add);
            for (JsonNode test : dataset.path("tests")) {
                if (appliesToPandas(test)) {
                    cases.add(new GxCase(type, name, test.path("title").asText(), rows, columns, test.path("in"),
                            test.path("out"), tolerance(test)));
                }
            }
        }
        return cases;
    }

    /** GX's test runner compares {@code observed_value} within a case's relative {@code tolerance}, if given. */
    static double tolerance(JsonNode test) {
        JsonNode tolerance = test.path("tolerance");
        return tolerance.isNumber() ? tolerance.doubleValue() : JsonMatch.OBSERVED_TOLERANCE;
    }

    /** {@code only_for} may name a pandas version range; "pandas>=024" holds for every pandas GX 1.x supports. */
    static boolean appliesToPandas(JsonNode test) {
        JsonNode onlyFor = test.path("only_for");
        boolean included = !onlyFor.isArray() || contains(onlyFor, "pandas") || contains(onlyFor, "pandas>=024");
        return included && !contains(test.path("suppress_test_for"), "pandas");
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    static List<JsonNode> rows(JsonNode data, JsonNode schema) {
        int size = 0;
        for (JsonNode values : data) {
            size = Math.max(size, values.size());
        }
        List<JsonNode> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ObjectNode row = JSON.createObjectNode();
            int index = i;
            data.fields().forEachRemaining(column -> {
                if (index < column.getValue().size()) {
                    row.set(column.getKey(), cast(column.getValue().get(index), schema.path(column.getKey()).asText()));
                }
            });
            rows.add(row);
        }
        return rows;
    }

    /** The pandas casts that change a JSON value; date and datetime casts keep ISO strings as they are. */
    static JsonNode cast(JsonNode value, String pandasType) {
        if (value.isNull()) {
            return value;
        }
        return switch (pandasType) {
            case "str" -> value.isTextual() ? value : TextNode.valueOf(python(value));
            case "int", "int64" -> value.isNumber() ? JSON.getNodeFactory().numberNode(value.bigIntegerValue()) : value;
            case "float", "float64" -> value.isNumber() ? DecimalNode.valueOf(value.decimalValue()) : value;
            default -> value;
        };
    }

    /** Python's {@code str()} of a JSON scalar: 2.0 stays "2.0", true becomes "True". */
    private static String python(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        return value.isNumber() ? value.numberValue().toString() : value.toString();
    }
}
