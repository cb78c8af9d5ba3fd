package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Says in plain words what a JSON schema error means for the author of a contract, and where it is. */
final class SchemaErrorWording {

    private final DeclaredFields declared;

    SchemaErrorWording(DeclaredFields declared) {
        this.declared = declared;
    }

    /** The JSON path of the error; for a missing or unexpected field, the path of that field. */
    String pathOf(SchemaError error) {
        return switch (error.keyword()) {
            case "required", "additionalProperties", "unevaluatedProperties" ->
                    JsonPath.field(error.path(), error.error().getProperty());
            case "not" -> forbiddenField(error.error().getSchemaNode())
                    .map(field -> JsonPath.field(error.path(), field)).orElse(error.path());
            default -> error.path();
        };
    }

    String messageOf(SchemaError error) {
        JsonNode schema = error.error().getSchemaNode();
        JsonNode value = error.error().getInstanceNode();
        String field = error.error().getProperty();
        return switch (error.keyword()) {
            case "type" -> typeMismatch(expectedTypes(schema), value);
            case "enum" -> nameOf(error) + " must be one of: " + join(schema) + ", found " + shown(value);
            case "const" -> nameOf(error) + " must be " + shown(schema) + ", found " + shown(value);
            case "required" -> "required field \"" + field + "\" is missing";
            case "additionalProperties", "unevaluatedProperties" -> unexpected(error, field);
            case "minItems" -> "expected at least " + schema.asInt() + " items, found " + value.size();
            case "maxItems" -> "expected at most " + schema.asInt() + " items, found " + value.size();
            case "uniqueItems" -> "the items must all be different";
            case "pattern" -> shown(value) + " does not match the pattern " + schema.asText();
            case "format" -> shown(value) + " is not a valid " + schema.asText();
            case "minimum" -> "must be at least " + JsonValues.show(schema) + ", found " + JsonValues.show(value);
            case "exclusiveMinimum" -> "must be greater than " + JsonValues.show(schema) + ", found "
                    + JsonValues.show(value);
            case "oneOf", "anyOf" -> combinatorMessage(error, List.of(), error.at(), value);
            case "not" -> forbiddenField(schema).map(name -> "\"" + name + "\" is not allowed here")
                    .orElse("is written in a form ODCS does not allow here");
            default -> "does not match the ODCS schema: " + error.error().getMessage();
        };
    }

    /**
     * One sentence for a value that fits none (or, for oneOf, more than one) of the forms a combinator allows:
     * the types when no form's type fits, the fields when each form is one required field (such as a rule's
     * operators), otherwise a general statement.
     */
    String combinatorMessage(SchemaError summary, Collection<List<SchemaError>> branches, List<Object> container,
            JsonNode value) {
        List<String> types = new ArrayList<>();
        boolean everyTypeMismatched = !branches.isEmpty();
        for (List<SchemaError> branch : branches) {
            List<SchemaError> mismatches = branch.stream()
                    .filter(e -> "type".equals(e.keyword()) && e.at().equals(container)).toList();
            everyTypeMismatched &= !mismatches.isEmpty();
            mismatches.forEach(e -> types.addAll(expectedTypes(e.error().getSchemaNode())));
        }
        boolean moreThanOne = summary != null && summary.error().getSchemaNode().size() > branches.size() + 1;
        if (!moreThanOne && everyTypeMismatched) {
            return typeMismatch(types, value);
        }
        List<String> fields = summary == null ? List.of() : requiredFieldPerBranch(summary.error().getSchemaNode());
        if (!fields.isEmpty()) {
            List<String> present = fields.stream().filter(value::has).toList();
            return "takes exactly one of: " + String.join(", ", fields) + "; found "
                    + (present.isEmpty() ? "none" : String.join(" and ", present));
        }
        return moreThanOne ? "matches more than one of the forms ODCS allows here"
                : "matches none of the forms ODCS allows here";
    }

    static String pointerOf(List<Object> elements) {
        StringBuilder pointer = new StringBuilder();
        for (Object element : elements) {
            pointer.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private String unexpected(SchemaError error, String field) {
        if (declared.of(error.enclosingSchemaPointer()).contains(field)) {
            return "\"" + field + "\" is not allowed here";
        }
        return "\"" + field + "\" is not a field ODCS defines here (fields of your own go in customProperties)";
    }

    /** The field a {@code not: {required: [field]}} forbids. */
    private static Optional<String> forbiddenField(JsonNode not) {
        JsonNode required = not.path("required");
        return required.size() == 1 ? Optional.of(required.get(0).asText()) : Optional.empty();
    }

    private static String typeMismatch(Collection<String> expected, JsonNode value) {
        Set<String> named = new LinkedHashSet<>();
        for (String type : expected) {
            if (!(type.equals("integer") && expected.contains("number"))) {
                named.add(article(type));
            }
        }
        List<String> names = List.copyOf(named);
        String either = names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1))
                + " or " + names.get(names.size() - 1);
        String hint = named.equals(Set.of("a string")) && (value.isNumber() || value.isBoolean())
                ? "; put it in quotes to keep it as text" : "";
        return "expected " + either + ", found " + Problems.describe(value) + hint;
    }

    private static List<String> expectedTypes(JsonNode type) {
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "an object";
            case "array" -> "a list";
            case "integer" -> "an integer";
            case "null" -> "nothing";
            default -> "a " + type;
        };
    }

    private static List<String> requiredFieldPerBranch(JsonNode branches) {
        List<String> fields = new ArrayList<>();
        for (JsonNode branch : branches) {
            JsonNode required = branch.path("required");
            if (required.size() != 1) {
                return List.of();
            }
            fields.add(required.get(0).asText());
        }
        return fields;
    }

    private static String nameOf(SchemaError error) {
        for (int i = error.at().size() - 1; i >= 0; i--) {
            if (error.at().get(i) instanceof String name) {
                return name;
            }
        }
        return "the document";
    }

    private static String join(JsonNode values) {
        List<String> shown = new ArrayList<>();
        values.forEach(v -> shown.add(JsonValues.show(v)));
        return String.join(", ", shown);
    }

    private static String shown(JsonNode value) {
        return value != null && value.isTextual() ? "\"" + value.asText() + "\"" : JsonValues.show(value);
    }
}
