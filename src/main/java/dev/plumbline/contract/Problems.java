package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one contract so far, each placed on the line where its JSON path starts. */
public final class Problems {

    private final LineIndex lines;
    private final List<ContractProblem> found = new ArrayList<>();

    public Problems(LineIndex lines) {
        this.lines = lines;
        found.addAll(lines.duplicateKeys());
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Every problem, in the order of the lines they are on. */
    public List<ContractProblem> all() {
        return found.stream().sorted(Comparator.comparingInt(ContractProblem::line)).toList();
    }

    /**
     * Adds problems found by another check (the ODCS JSON schema), except where one found so far is at the same
     * path or inside it: that one already names the mistake, in Plumbline's more precise words.
     */
    void addUnlessCovered(List<ContractProblem> more) {
        List<ContractProblem> own = List.copyOf(found);
        for (ContractProblem problem : more) {
            if (own.stream().noneMatch(o -> JsonPath.isAtOrInside(o.path(), problem.path()))) {
                found.add(problem);
            }
        }
    }

    int lineOf(String path) {
        return lines.lineOf(path);
    }

    public void at(String path, String message) {
        found.add(new ContractProblem(lines.lineOf(path), path, message));
    }

    /** The field's value, or null after reporting it missing on the line of its parent. */
    public JsonNode required(JsonNode parent, String field, String parentPath) {
        JsonNode value = parent.get(field);
        if (value == null) {
            found.add(new ContractProblem(lines.lineOf(parentPath), JsonPath.field(parentPath, field),
                    "required field \"" + field + "\" is missing"));
        }
        return value;
    }

    public void requiredText(JsonNode parent, String field, String parentPath) {
        JsonNode value = required(parent, field, parentPath);
        if (value != null) {
            isText(value, JsonPath.field(parentPath, field));
        }
    }

    public void optionalText(JsonNode parent, String field, String parentPath) {
        if (parent.has(field)) {
            isText(parent.get(field), JsonPath.field(parentPath, field));
        }
    }

    void optionalBoolean(JsonNode parent, String field, String parentPath) {
        if (parent.has(field)) {
            expect(parent.get(field).isBoolean(), "a boolean", parent.get(field), JsonPath.field(parentPath, field));
        }
    }

    /** Whether the value is one of the allowed strings; reports it when it is not. */
    public boolean oneOf(JsonNode value, String path, String name, List<String> allowed) {
        if (!isText(value, path)) {
            return false;
        }
        boolean known = allowed.contains(value.asText());
        if (!known) {
            at(path, name + " \"" + value.asText() + "\" is not one of: " + String.join(", ", allowed));
        }
        return known;
    }

    public boolean isObject(JsonNode value, String path) {
        return expect(value.isObject(), "an object", value, path);
    }

    public boolean isList(JsonNode value, String path) {
        return expect(value.isArray(), "a list", value, path);
    }

    public boolean isText(JsonNode value, String path) {
        if (value.isNumber() || value.isBoolean()) {
            at(path, "expected a string, found " + describe(value) + "; put it in quotes to keep it as text");
            return false;
        }
        return expect(value.isTextual(), "a string", value, path);
    }

    public boolean isNumber(JsonNode value, String path) {
        return expect(value.isNumber(), "a number", value, path);
    }

    public boolean expect(boolean holds, String expected, JsonNode value, String path) {
        if (!holds) {
            at(path, "expected " + expected + ", found " + describe(value));
        }
        return holds;
    }

    public static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "a list";
            case STRING, BINARY -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "nothing";
        };
    }
}
