package dev.plumbline.contract;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One error of the JSON schema validator, with where it is in the document ({@code at}: field names and list
 * indexes) and the steps the validator took through the schema to reach it ({@code evaluation}).
 */
record SchemaError(Error error, List<Object> at, List<String> evaluation) {

    private static final Set<String> COMBINATORS = Set.of("oneOf", "anyOf");

    static SchemaError of(Error error) {
        return new SchemaError(error, elements(error.getInstanceLocation()),
                elements(error.getEvaluationPath()).stream().map(String::valueOf).toList());
    }

    String keyword() {
        return error.getKeyword();
    }

    /** The JSON path of the value the error is about, such as {@code schema[0].properties[2]}. */
    String path() {
        return pathOf(at);
    }

    /** Whether the error is about a value strictly inside the one at {@code container}. */
    boolean isInside(List<Object> container) {
        return at.size() > container.size() && at.subList(0, container.size()).equals(container);
    }

    /** The step at which the error's path first enters a branch of a oneOf or anyOf, at or after {@code from}. */
    int branchStep(int from) {
        for (int i = from; i < evaluation.size() - 1; i++) {
            if (COMBINATORS.contains(evaluation.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Where in the document the combinator at evaluation step {@code step} was applied. */
    List<Object> containerOf(int step) {
        int descents = 0;
        for (int i = step + 2; i < evaluation.size(); i++) {
            String token = evaluation.get(i);
            boolean last = i == evaluation.size() - 1;
            switch (token) {
                case "properties", "patternProperties", "prefixItems" -> {
                    descents++;
                    i++;
                }
                case "dependentSchemas", "allOf", "anyOf", "oneOf" -> i++;
                case "items", "additionalItems", "unevaluatedItems", "contains", "additionalProperties",
                        "unevaluatedProperties", "propertyNames" -> descents += last ? 0 : 1;
                default -> { }
            }
        }
        return at.subList(0, Math.max(0, at.size() - descents));
    }

    static String pathOf(List<Object> elements) {
        String path = JsonPath.ROOT;
        for (Object element : elements) {
            path = element instanceof Integer index ? JsonPath.item(path, index)
                    : JsonPath.field(path, String.valueOf(element));
        }
        return path;
    }

    /** The JSON pointer of the schema that holds the failing keyword, such as {@code /$defs/SchemaProperty}. */
    String enclosingSchemaPointer() {
        List<Object> steps = elements(error.getSchemaLocation().getFragment());
        StringBuilder pointer = new StringBuilder();
        for (Object step : steps.subList(0, Math.max(0, steps.size() - 1))) {
            pointer.append('/').append(String.valueOf(step).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static List<Object> elements(NodePath path) {
        List<Object> elements = new ArrayList<>();
        if (path != null) {
            for (int i = 0; i < path.getNameCount(); i++) {
                elements.add(path.getElement(i));
            }
        }
        return List.copyOf(elements);
    }
}
