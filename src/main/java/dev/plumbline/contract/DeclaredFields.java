package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The field names that a part of a JSON schema defines, directly or through its references and sub-schemas. */
final class DeclaredFields {

    private static final List<String> SUBSCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf");
    private static final List<String> SUBSCHEMAS = List.of("if", "then", "else");

    private final JsonNode root;
    private final Map<String, Set<String>> byPointer = new ConcurrentHashMap<>();

    DeclaredFields(JsonNode root) {
        this.root = root;
    }

    /** The names declared by the schema at the JSON pointer ({@code ""} for the whole schema). */
    Set<String> of(String pointer) {
        return byPointer.computeIfAbsent(pointer, p -> {
            Set<String> names = new HashSet<>();
            collect(root.at(p), names, new HashSet<>());
            return Set.copyOf(names);
        });
    }

    private void collect(JsonNode schema, Set<String> names, Set<String> followed) {
        if (!schema.isObject()) {
            return;
        }
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#") && followed.add(ref)) {
            collect(root.at(ref.substring(1)), names, followed);
        }
        for (String list : SUBSCHEMA_LISTS) {
            schema.path(list).forEach(item -> collect(item, names, followed));
        }
        for (String single : SUBSCHEMAS) {
            collect(schema.path(single), names, followed);
        }
    }
}
