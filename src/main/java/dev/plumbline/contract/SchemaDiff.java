package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * Diffs the {@code schema} list by object name: an object removed is breaking, a new one additive; in an object
 * kept, its properties, rules and custom properties are diffed, wording is documentation, and any other field
 * is unclassified, so breaking.
 */
final class SchemaDiff {

    private static final Set<String> DOCUMENTATION = Set.of("description", "businessName", "tags",
            "authoritativeDefinitions", "dataGranularityDescription", "id");

    private final ChangeLog log;
    private final TreeDiff tree;

    SchemaDiff(ChangeLog log) {
        this.log = log;
        this.tree = new TreeDiff(log);
    }

    void diff(DiffLocation schema, JsonNode before, JsonNode after) {
        List<KeyedList.Pair> pairs = KeyedList.match(before, after, o -> KeyedList.firstText(o, "name"));
        if (pairs == null) {
            tree.unclassified(schema, before, after);
            return;
        }
        for (KeyedList.Pair pair : pairs) {
            JsonNode was = TreeDiff.item(before, pair.activeIndex());
            JsonNode is = TreeDiff.item(after, pair.proposedIndex());
            DiffLocation at = schema.item(pair.key(), pair.activeIndex(), pair.proposedIndex()).about(pair.key());
            if (pair.inBoth()) {
                object(at, was, is);
            } else if (is == null) {
                log.record(at, was, null, Impact.BREAKING, "schema object " + pair.key()
                        + " removed: consumers reading it would no longer find it");
            } else {
                log.record(at, null, is, Impact.ADDITIVE, "new schema object " + pair.key()
                        + ": records sent today are unaffected");
            }
        }
    }

    private void object(DiffLocation object, JsonNode before, JsonNode after) {
        for (String name : JsonValues.fieldNames(before, after)) {
            JsonNode was = before.get(name);
            JsonNode is = after.get(name);
            if (name.equals("name") || JsonValues.same(was, is)) {
                continue;
            }
            DiffLocation at = object.field(name, was != null, is != null);
            switch (name) {
                case "properties" -> new PropertyListDiff(log).diff(at, was, is);
                case "quality" -> new QualityDiff(log).diff(at, was, is);
                case "customProperties" -> new CustomPropertiesDiff(log, true).diff(at, was, is);
                case "physicalName" -> log.record(at, was, is, Impact.BREAKING, TreeDiff.what(at, was, is)
                        + ": consumers reading it by its physical name would no longer find it");
                default -> {
                    if (DOCUMENTATION.contains(name)) {
                        tree.documentation(at, was, is);
                    } else {
                        tree.unclassified(at, was, is);
                    }
                }
            }
        }
    }
}
