package dev.plumbline.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.contract.InvalidContractException;
import dev.plumbline.contract.JsonPath;
import dev.plumbline.contract.Problems;
import dev.plumbline.contract.SemanticVersion;
import dev.plumbline.contract.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a feature view from YAML and checks it against the active contract of its source dataset, reporting every
 * problem with its line and field path the way contracts are ({@link InvalidContractException}).
 */
public final class FeatureViewParser {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Function<String, Optional<SourceSchema>> sources;

    /** {@code sources} gives the schema of a registered dataset with an active contract, else empty. */
    public FeatureViewParser(Function<String, Optional<SourceSchema>> sources) {
        this.sources = sources;
    }

    /**
     * Reads a stored version back as it was accepted, without checking it against the source's contract of
     * today (which may have moved on), with the event-time field resolved when it was applied.
     */
    public static FeatureViewDefinition stored(String yaml, String eventTimeField) {
        FeatureViewDefinition d = new FeatureViewParser(null).parse(yaml);
        return new FeatureViewDefinition(d.name(), d.entityKey(), d.source(), eventTimeField, d.owner(), d.version(),
                d.description(), d.features(), d.sla());
    }

    public FeatureViewDefinition parse(String yaml) {
        YamlDocument document = YamlDocument.read(yaml);
        Problems problems = new Problems(document.lines());
        JsonNode root = document.root();
        if (!problems.isObject(root, JsonPath.ROOT)) {
            throw new InvalidContractException(problems.all());
        }
        for (String field : List.of("name", "entity", "source", "owner", "version")) {
            problems.requiredText(root, field, JsonPath.ROOT);
        }
        problems.optionalText(root, "eventTimeField", JsonPath.ROOT);
        problems.optionalText(root, "description", JsonPath.ROOT);
        String name = root.path("name").asText(null);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.at("name", "name \"" + name + "\" must be lower case letters, digits and underscores, "
                    + "starting with a letter");
        }
        checkVersion(root, problems);
        Optional<SourceSchema> source = source(root, problems);
        String eventTime = root.path("eventTimeField").asText(source.map(SourceSchema::eventTimeField).orElse(null));
        source.ifPresent(s -> checkFields(root, eventTime, s, problems));
        List<FeatureSpec> features = new FeatureListParser(problems, source.orElse(null)).parse(root);
        FeatureSla sla = new SlaParser(problems).parse(root.get("sla"));
        if (!problems.isEmpty()) {
            throw new InvalidContractException(problems.all());
        }
        return new FeatureViewDefinition(name, root.get("entity").asText(), root.get("source").asText(), eventTime,
                root.get("owner").asText(), root.get("version").asText(), root.path("description").asText(null),
                features, sla);
    }

    private static void checkVersion(JsonNode root, Problems problems) {
        JsonNode version = root.get("version");
        if (version != null && version.isTextual()) {
            try {
                SemanticVersion.parse(version.asText());
            } catch (IllegalArgumentException e) {
                problems.at("version", e.getMessage());
            }
        }
    }

    private Optional<SourceSchema> source(JsonNode root, Problems problems) {
        JsonNode source = root.get("source");
        if (sources == null || source == null || !source.isTextual()) {
            return Optional.empty();
        }
        Optional<SourceSchema> schema = sources.apply(source.asText());
        if (schema.isEmpty()) {
            problems.at("source", "no registered dataset \"" + source.asText() + "\" with an active contract");
        }
        return schema;
    }

    private static void checkFields(JsonNode root, String eventTime, SourceSchema source, Problems problems) {
        JsonNode entity = root.get("entity");
        if (entity != null && entity.isTextual() && !source.declares(entity.asText())) {
            problems.at("entity", undeclared("entity key", entity.asText(), source));
        }
        if (eventTime == null) {
            problems.at("eventTimeField", "required field \"eventTimeField\" is missing, and contract "
                    + source.contractVersion() + " of " + source.dataset() + " names no eventTimeField");
        } else if (!source.declares(eventTime)) {
            problems.at(root.has("eventTimeField") ? "eventTimeField" : "source",
                    undeclared("event-time field", eventTime, source));
        }
    }

    static String undeclared(String what, String field, SourceSchema source) {
        List<String> declared = new ArrayList<>(source.fields().keySet());
        declared.sort(null);
        return what + " \"" + field + "\" is not declared by contract " + source.contractVersion() + " of "
                + source.dataset() + " (it declares: " + String.join(", ", declared) + ")";
    }
}
