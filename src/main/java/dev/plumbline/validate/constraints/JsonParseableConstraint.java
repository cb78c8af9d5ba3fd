package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;

/**
 * {@code expect_column_values_to_be_json_parseable}: the non-null values of the column are strings holding one
 * complete JSON document. An object or array value is JSON already and passes; a bare number or boolean is not
 * JSON text and is unexpected, as in Great Expectations.
 */
public record JsonParseableConstraint(String column, double mostly) implements Constraint {

    public static final String RULE = "expect_column_values_to_be_json_parseable";

    static final ObjectReader READER = new ObjectMapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public JsonParseableConstraint {
        Objects.requireNonNull(column, "column");
        Tally.requireMostly(mostly);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        return ColumnMap.judge(this, mostly, rows, JsonParseableConstraint::problem, "not JSON");
    }

    private static String problem(JsonNode value) {
        if (value.isContainerNode()) {
            return null;
        }
        if (!value.isTextual()) {
            return "is not JSON text";
        }
        return parse(value.textValue()) == null ? "is not valid JSON" : null;
    }

    /** The JSON document a string holds, or null when it holds none. */
    static JsonNode parse(String text) {
        try {
            JsonNode document = READER.readTree(text);
            return document == null || document.isMissingNode() ? null : document;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
