package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;

/**
 * {@code expect_column_values_to_match_json_schema}: the non-null values of the column are JSON documents valid
 * against a JSON Schema (draft 2020-12 unless the schema names its own {@code $schema}). A string is parsed as
 * JSON text, as Great Expectations does; an object or array value is a document already. Remote {@code $ref}s are
 * never fetched: a contract cannot make the validator reach out to the network.
 */
public final class JsonSchemaConstraint implements Constraint {

    public static final String RULE = "expect_column_values_to_match_json_schema";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, registry -> registry.schemaLoader(loader -> loader
                    .fetchRemoteResources(false)));

    private final String column;
    private final JsonNode jsonSchema;
    private final double mostly;
    private final Schema schema;

    /** Compiles the schema; a schema the validator cannot read is refused with its reason. */
    public JsonSchemaConstraint(String column, JsonNode jsonSchema, double mostly) {
        this.column = Objects.requireNonNull(column, "column");
        this.jsonSchema = Objects.requireNonNull(jsonSchema, "jsonSchema").deepCopy();
        this.mostly = Tally.requireMostly(mostly);
        if (!jsonSchema.isObject() && !jsonSchema.isBoolean()) {
            throw new IllegalArgumentException("json_schema must be a JSON Schema object, got " + jsonSchema);
        }
        try {
            this.schema = REGISTRY.getSchema(this.jsonSchema);
            this.schema.initializeValidators();
        } catch (SchemaException e) {
            throw new IllegalArgumentException("json_schema is not a usable JSON Schema: " + e.getMessage(), e);
        }
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public String column() {
        return column;
    }

    public JsonNode jsonSchema() {
        return jsonSchema.deepCopy();
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        return ColumnMap.judge(this, mostly, rows, this::problem, "do not match the JSON Schema");
    }

    private String problem(JsonNode value) {
        JsonNode document = value.isContainerNode() ? value
                : value.isTextual() ? JsonParseableConstraint.parse(value.textValue()) : null;
        if (document == null) {
            return value.isTextual() ? "is not valid JSON" : "is not JSON text";
        }
        List<Error> errors = schema.validate(document);
        return errors.isEmpty() ? null : "does not match the JSON Schema: " + errors.get(0).getMessage()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonSchemaConstraint that && column.equals(that.column)
                && jsonSchema.equals(that.jsonSchema) && mostly == that.mostly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, jsonSchema, mostly);
    }
}
