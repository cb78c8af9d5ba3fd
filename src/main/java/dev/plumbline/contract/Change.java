package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field-by-field difference between the active and the proposed contract, as a reviewer reads it.
 *
 * <p>{@code path} names list items by their name where they have one, as in
 * {@code schema[transactions].properties[amount].logicalTypeOptions.maximum}. {@code before} is null when the
 * field was added, {@code after} when it was removed. {@code proposedLine} is where the field is in the
 * proposed document, or where its nearest enclosing field is when it was removed; {@code activeLine} is where
 * it was in the active document, or 0 when it is new.
 */
public record Change(String path, ChangeKind kind, JsonNode before, JsonNode after, int proposedLine,
        int activeLine, Impact impact, String reason) {
}
