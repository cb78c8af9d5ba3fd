package dev.plumbline.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.contract.JsonPath;
import dev.plumbline.contract.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code features} list of a feature view, checking each against its source dataset's schema. */
final class FeatureListParser {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Problems problems;
    private final SourceSchema source;

    /** {@code source} is null when the source dataset is unknown (already reported): fields are not checked. */
    FeatureListParser(Problems problems, SourceSchema source) {
        this.problems = problems;
        this.source = source;
    }

    List<FeatureSpec> parse(JsonNode root) {
        JsonNode list = problems.required(root, "features", JsonPath.ROOT);
        if (list == null || !problems.isList(list, "features")) {
            return List.of();
        }
        if (list.isEmpty()) {
            problems.at("features", "a feature view needs at least one feature");
        }
        List<FeatureSpec> features = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = JsonPath.item("features", i);
            feature(list.get(i), path).ifPresent(f -> {
                if (!names.add(f.name())) {
                    problems.at(JsonPath.field(path, "name"), "feature \"" + f.name() + "\" is defined twice");
                }
                features.add(f);
            });
        }
        return features;
    }

    private Optional<FeatureSpec> feature(JsonNode node, String path) {
        if (!problems.isObject(node, path)) {
            return Optional.empty();
        }
        for (String field : List.of("name", "aggregation", "field", "window")) {
            problems.requiredText(node, field, path);
        }
        String name = node.path("name").asText(null);
        if (name != null && node.get("name").isTextual() && !NAME.matcher(name).matches()) {
            problems.at(JsonPath.field(path, "name"), "feature name \"" + name
                    + "\" must be lower case letters, digits and underscores, starting with a letter");
        }
        Optional<Aggregation> aggregation = aggregation(node, path);
        Optional<Window> window = window(node, path);
        String field = node.path("field").asText(null);
        checkField(field, aggregation.orElse(null), JsonPath.field(path, "field"));
        if (name == null || field == null || aggregation.isEmpty() || window.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FeatureSpec(name, aggregation.get(), field, window.get()));
    }

    private Optional<Aggregation> aggregation(JsonNode node, String path) {
        JsonNode value = node.get("aggregation");
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        Optional<Aggregation> aggregation = Aggregation.of(value.asText());
        if (aggregation.isEmpty()) {
            problems.at(JsonPath.field(path, "aggregation"), "unknown aggregation \"" + value.asText()
                    + "\"; expected one of: " + String.join(", ", Aggregation.keys()));
        }
        return aggregation;
    }

    private Optional<Window> window(JsonNode node, String path) {
        JsonNode value = node.get("window");
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Window.parse(value.asText()));
        } catch (IllegalArgumentException e) {
            problems.at(JsonPath.field(path, "window"), e.getMessage());
            return Optional.empty();
        }
    }

    private void checkField(String field, Aggregation aggregation, String path) {
        if (source == null || field == null) {
            return;
        }
        if (!source.declares(field)) {
            problems.at(path, FeatureViewParser.undeclared("source field", field, source));
        } else if (aggregation != null && aggregation.numeric() && !source.isNumeric(field)) {
            problems.at(path, "aggregation " + aggregation.key() + " needs a number, but contract "
                    + source.contractVersion() + " declares \"" + field + "\" as " + source.fields().get(field));
        }
    }
}
