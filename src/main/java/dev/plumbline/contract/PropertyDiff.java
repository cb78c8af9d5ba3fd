package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Diffs one property kept in both contracts, field by field: its type, flags, options, units, rules and nested
 * properties by what they do to the records accepted; wording is documentation; any other field is
 * unclassified, so breaking.
 */
final class PropertyDiff {

    private static final Set<String> DOCUMENTATION = Set.of("description", "businessName", "tags",
            "authoritativeDefinitions", "examples", "classification", "criticalDataElement", "transformDescription",
            "transformLogic", "transformSourceObjects", "id");

    private final ChangeLog log;
    private final TreeDiff tree;
    private final PropertyListDiff nested;
    private final LogicalTypeDiff types;
    private final OptionsDiff options;
    private final QualityDiff quality;
    private final CustomPropertiesDiff customProperties;

    PropertyDiff(ChangeLog log, PropertyListDiff nested) {
        this.log = log;
        this.tree = new TreeDiff(log);
        this.nested = nested;
        this.types = new LogicalTypeDiff(log);
        this.options = new OptionsDiff(log);
        this.quality = new QualityDiff(log);
        this.customProperties = new CustomPropertiesDiff(log, true);
    }

    void diff(DiffLocation property, JsonNode before, JsonNode after) {
        for (String name : JsonValues.fieldNames(before, after)) {
            JsonNode was = before.get(name);
            JsonNode is = after.get(name);
            if (!name.equals("name") && !JsonValues.same(was, is)) {
                field(property.field(name, was != null, is != null), name, was, is);
            }
        }
    }

    private void field(DiffLocation at, String name, JsonNode before, JsonNode after) {
        switch (name) {
            case "logicalType" -> types.diff(at, "type", before, after, Effect.RECORDS);
            case "required" -> flag(at, before, after, " is now required: records without it would be rejected",
                    " is no longer required: records without it would be accepted");
            case "unique" -> flag(at, before, after, " must now be unique: a value accepted before would be "
                    + "rejected", " no longer has to be unique: repeated values would be accepted");
            case "primaryKey" -> flag(at, before, after, " is now a primary key: a value accepted before would "
                    + "be rejected", " is no longer a primary key: repeated values would be accepted");
            case "logicalTypeOptions" -> options.diff(at, before, after);
            case "customProperties" -> customProperties.diff(at, before, after);
            case "quality" -> quality.diff(at, before, after);
            case "properties" -> nested.diff(at, before, after);
            case "items" -> items(at, before, after);
            case "physicalName" -> log.record(at, before, after, Impact.BREAKING, TreeDiff.what(at, before, after)
                    + ": consumers reading it by its physical name would no longer find it");
            default -> {
                if (DOCUMENTATION.contains(name)) {
                    tree.documentation(at, before, after);
                } else {
                    tree.unclassified(at, before, after);
                }
            }
        }
    }

    /** A boolean constraint, false when not written: turning it on is breaking, turning it off additive. */
    private void flag(DiffLocation at, JsonNode before, JsonNode after, String on, String off) {
        if (before != null && !before.isBoolean() || after != null && !after.isBoolean()) {
            tree.unclassified(at, before, after);
            return;
        }
        boolean was = before != null && before.asBoolean();
        boolean is = after != null && after.asBoolean();
        if (was == is) {
            tree.documentation(at, before, after);
        } else {
            log.record(at, before, after, is ? Impact.BREAKING : Impact.ADDITIVE, at.label("") + (is ? on : off));
        }
    }

    private void items(DiffLocation at, JsonNode before, JsonNode after) {
        if (before != null && after != null && before.isObject() && after.isObject()) {
            diff(at.about(at.label("") + "'s items"), before, after);
        } else {
            tree.unclassified(at, before, after);
        }
    }
}
