package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks a {@code customProperties} list: objects that each name a property and give its value. */
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
        for (int i = 0; i < entries.size(); i++) {
            String entryPath = JsonPath.item(path, i);
            if (problems.isObject(entries.get(i), entryPath)) {
                problems.requiredText(entries.get(i), "property", entryPath);
                problems.required(entries.get(i), "value", entryPath);
            }
        }
    }
}
