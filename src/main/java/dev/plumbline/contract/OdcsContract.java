package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A data contract parsed from Open Data Contract Standard v3 YAML: the parts Plumbline enforces, the whole
 * document so that nothing a user wrote is lost, and the line where each of its paths starts.
 */
public record OdcsContract(String apiVersion, String id, String name, String version, String status,
        List<SchemaObject> schema, JsonNode document, LineIndex lines) {

    /** A contract built in code rather than read from YAML, so every path is placed on line 1. */
    public OdcsContract(String apiVersion, String id, String name, String version, String status,
            List<SchemaObject> schema, JsonNode document) {
        this(apiVersion, id, name, version, status, schema, document, LineIndex.NONE);
    }

    /**
     * The schema object whose properties describe the records of a dataset; {@code quality} holds the rules
     * written on the object itself (such as {@code rowCount}), not those of its properties.
     */
    public record SchemaObject(String name, String physicalName, List<SchemaProperty> properties, String path,
            int line, List<QualityRule> quality, List<Relationship> relationships) {

        public SchemaObject(String name, String physicalName, List<SchemaProperty> properties, String path,
                int line) {
            this(name, physicalName, properties, path, line, List.of(), List.of());
        }
    }

    /**
     * One property (column) of a schema object. {@code logicalTypeOptions} is the ODCS object as written, or
     * an empty object; {@code path} is its location as a JSON path such as {@code schema[0].properties[2]}.
     */
    public record SchemaProperty(String name, String logicalType, boolean required, boolean unique,
            boolean primaryKey, JsonNode logicalTypeOptions, List<QualityRule> quality, String path, int line,
            List<Relationship> relationships) {

        public SchemaProperty(String name, String logicalType, boolean required, boolean unique, boolean primaryKey,
                JsonNode logicalTypeOptions, List<QualityRule> quality, String path, int line) {
            this(name, logicalType, required, unique, primaryKey, logicalTypeOptions, quality, path, line, List.of());
        }
    }

    /**
     * One entry of a {@code relationships} list (a foreign key): {@code from} and {@code to} as written (a string,
     * or a list for composite keys); {@code from} is absent on a property, which is itself the source.
     */
    public record Relationship(String type, JsonNode from, JsonNode to, String path, int line) {
    }

    /**
     * One entry of a {@code quality} list: an ODCS library rule ({@code metric} with {@code mustBe…}
     * operators in {@code rule}), or a {@code type: custom} rule with its {@code engine} and
     * {@code implementation}. {@code type} is {@code library} when none is written, as in the standard;
     * {@code metric} falls back to the deprecated {@code rule} field; {@code rule} is the whole entry as written.
     */
    public record QualityRule(String type, String metric, String engine, JsonNode rule, String path, int line) {
    }
}
