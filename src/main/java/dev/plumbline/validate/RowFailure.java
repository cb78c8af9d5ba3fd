package dev.plumbline.validate;

/** Why one row broke one constraint: the offending value as JSON text ("null" for null) and one sentence. */
public record RowFailure(String rule, String column, String value, String reason) {
}
