package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a {@code customProperties} list: objects that each name a property and give its value; at the top level,
 * one {@link AlertOverrides} entry at most, with thresholds that can be applied.
 */
final class CustomPropertiesCheck {

    private final Problems problems;

    CustomPropertiesCheck(Problems problems) {
        this.problems = problems;
    }

    void check(JsonNode parent, String parentPath) {
        if (!parent.has("customProperties")) {
            return;
        }
        String path = JsonPath.field(parentPath, "customProperties");
        JsonNode entries = parent.get("customProperties");
        if (!problems.isList(entries, path)) {
            return;
        }
        boolean thresholds = false;
        for (int i = 0; i < entries.size(); i++) {
            String entryPath = JsonPath.item(path, i);
            JsonNode entry = entries.get(i);
            if (!problems.isObject(entry, entryPath)) {
                continue;
            }
            problems.requiredText(entry, "property", entryPath);
            JsonNode value = problems.required(entry, "value", entryPath);
            if (parentPath.equals(JsonPath.ROOT) && AlertOverrides.isEntry(entry) && value != null) {
                if (thresholds) {
                    problems.at(JsonPath.field(entryPath, "property"), "a second " + AlertOverrides.PROPERTY
                            + " entry; give one");
                }
                thresholds = true;
                AlertOverrides.check(value, JsonPath.field(entryPath, "value"), problems);
            }
        }
    }
}
