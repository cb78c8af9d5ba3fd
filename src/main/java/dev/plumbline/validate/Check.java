package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** A named group of constraints evaluated together on one micro-batch. */
public record Check(String name, List<Constraint> constraints) {

    public Check {
        Objects.requireNonNull(name, "name");
        constraints = List.copyOf(constraints);
    }

    public VerificationResult run(List<JsonNode> rows) {
        return new VerificationResult(constraints.stream().map(constraint -> constraint.evaluate(rows)).toList());
    }
}
