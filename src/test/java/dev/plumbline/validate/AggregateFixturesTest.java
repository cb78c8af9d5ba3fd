package dev.plumbline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the Great Expectations fixtures of the batch-level expectations through the registry, as GX's pandas back
 * end: success and observed_value per case. Known deviations are skipped with their reason.
 */
class AggregateFixturesTest {

    private static final Path FIXTURES = Path.of("..", "shared", "conformance", "gx");
    private static final List<String> TYPES = List.of(
            "column_aggregate_expectations/expect_column_min_to_be_between",
            "column_aggregate_expectations/expect_column_max_to_be_between",
            "column_aggregate_expectations/expect_column_sum_to_be_between",
            "column_aggregate_expectations/expect_column_mean_to_be_between",
            "column_aggregate_expectations/expect_column_median_to_be_between",
            "column_aggregate_expectations/expect_column_stdev_to_be_between",
            "column_aggregate_expectations/expect_column_quantile_values_to_be_between",
            "column_aggregate_expectations/expect_column_unique_value_count_to_be_between",
            "column_aggregate_expectations/expect_column_proportion_of_unique_values_to_be_between",
            "column_aggregate_expectations/expect_column_most_common_value_to_be_in_set",
            "column_aggregate_expectations/expect_column_distinct_values_to_be_in_set",
            "column_aggregate_expectations/expect_column_distinct_values_to_contain_set",
            "column_aggregate_expectations/expect_column_distinct_values_to_equal_set",
            "column_aggregate_expectations/expect_column_pair_cramers_phi_value_to_be_less_than",
            "column_distributional_expectations/expect_column_kl_divergence_to_be_less_than",
            "column_distributional_expectations/expect_column_chisquare_test_p_value_to_be_greater_than",
            "column_distributional_expectations/"
                    + "expect_column_parameterized_distribution_ks_test_p_value_to_be_greater_than");
    private static final double DEFAULT_TOLERANCE = 1e-9;

    /** Cases Plumbline answers differently on purpose, by "expectation/title", with the reason. */
    private static final Map<String, String> DEVIATIONS = Map.of(
            "expect_column_max_to_be_between/datetime_with_evaluation_parameter_except_sqlite",
            "evaluation parameters ($PARAMETER) are not part of contracts: bounds are literal values",
            "expect_column_kl_divergence_to_be_less_than/"
                    + "norm_0_1_auto_inf_partition_null_threshold_and_partition_object_supports_profiling",
            "the reference is frozen with the contract, never derived from the batch: partition_object is required");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final Map<String, int[]> TALLY = new TreeMap<>();

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FIXTURES), "GX fixtures not found at " + FIXTURES.toAbsolutePath());
        List<DynamicTest> tests = new ArrayList<>();
        for (String type : TYPES) {
            Path file = FIXTURES.resolve(type + ".json");
            if (!Files.exists(file)) {
                continue;
            }
            JsonNode fixture = JSON.readTree(file.toFile());
            String expectation = fixture.path("expectation_type").asText();
            for (JsonNode dataset : fixture.path("datasets")) {
                List<JsonNode> rows = rows(dataset.path("data"));
                Set<String> columns = new LinkedHashSet<>();
                dataset.path("data").fieldNames().forEachRemaining(columns::add);
                for (JsonNode test : dataset.path("tests")) {
                    if (appliesToPandas(test)) {
                        tests.add(DynamicTest.dynamicTest(expectation + ": " + test.path("title").asText(),
                                () -> run(expectation, test, rows, columns)));
                    }
                }
            }
        }
        return tests.stream();
    }

    @AfterAll
    static void report() {
        TALLY.forEach((type, counts) -> System.out.printf("GX fixtures %s: %d/%d passed%s%n", type, counts[0],
                counts[1], counts[2] == 0 ? "" : " (" + counts[2] + " of them give neither success nor "
                        + "observed_value, only GX's partition details, which Plumbline does not report)"));
    }

    static void run(String expectation, JsonNode test, List<JsonNode> rows, Set<String> columns) {
        String title = test.path("title").asText();
        int[] counts = TALLY.computeIfAbsent(expectation, type -> new int[3]);
        counts[1]++;
        String deviation = DEVIATIONS.get(expectation + "/" + title);
        Assumptions.assumeTrue(deviation == null, deviation);
        JsonNode out = test.path("out");
        boolean errorExpected = out.has("traceback_substring") || test.has("error");
        ConstraintResult result;
        try {
            result = Expectations.build(expectation, new Kwargs(expectation, test.path("in"), null, columns))
                    .evaluate(rows);
        } catch (UnrunnableRule e) {
            assertThat(errorExpected).as("unexpected error: " + e.getMessage()).isTrue();
            counts[0]++;
            return;
        }
        if (errorExpected) {
            // an error in the data (not the kwargs) fails the batch with no observed value
            assertThat(result.success()).as(result.observed()).isFalse();
            assertThat(result.observedValue()).isNull();
            counts[0]++;
            return;
        }
        if (out.has("success")) {
            assertThat(result.success()).as("success; observed: " + result.observed())
                    .isEqualTo(out.get("success").booleanValue());
        }
        JsonNode expected = out.has("observed_value") ? out.get("observed_value")
                : out.path("result").get("observed_value");
        if (!out.has("success") && expected == null) {
            counts[2]++;
        }
        if (expected != null) {
            double tolerance = test.has("tolerance") ? test.get("tolerance").doubleValue() : DEFAULT_TOLERANCE;
            assertThat(matches(expected, result.observedValue(), tolerance))
                    .as("observed_value: expected " + expected + ", got " + result.observedValue()).isTrue();
        }
        counts[0]++;
    }

    static boolean appliesToPandas(JsonNode test) {
        if (test.has("only_for") && !contains(test.get("only_for"), "pandas")) {
            return false;
        }
        return !contains(test.path("suppress_test_for"), "pandas");
    }

    static boolean matches(JsonNode expected, JsonNode actual, double tolerance) {
        if (expected == null || expected.isNull()) {
            return actual == null || actual.isNull();
        }
        if (actual == null) {
            return false;
        }
        if (expected.isNumber()) {
            if (!actual.isNumber()) {
                return false;
            }
            double e = expected.doubleValue();
            double a = actual.doubleValue();
            return e == a || Math.abs(e - a) <= tolerance * Math.max(Math.abs(e), Math.abs(a));
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i), tolerance)) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isObject()) {
            for (Iterator<String> names = expected.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!matches(expected.get(name), actual.get(name), tolerance)) {
                    return false;
                }
            }
            return actual.isObject();
        }
        return expected.equals(actual);
    }

    private static List<JsonNode> rows(JsonNode data) {
        int size = 0;
        for (JsonNode values : data) {
            size = Math.max(size, values.size());
        }
        List<JsonNode> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ObjectNode row = JSON.createObjectNode();
            int index = i;
            data.fields().forEachRemaining(column -> row.set(column.getKey(), column.getValue().get(index)));
            rows.add(row);
        }
        return rows;
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
