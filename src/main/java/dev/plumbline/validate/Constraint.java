package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An assertion about one column of a micro-batch (parsed JSON objects, where a missing field and a JSON null
 * are both null), named after its Great Expectations expectation.
 */
public interface Constraint {

    String rule();

    String column();

    ConstraintResult evaluate(List<JsonNode> rows);
}
