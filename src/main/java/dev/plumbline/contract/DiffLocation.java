package dev.plumbline.contract;

/**
 * Where a diff is in both documents: the readable path keyed by names, the index paths that place it on a
 * line of each document (null where it is absent), and the subject a reviewer's sentence starts with.
 */
record DiffLocation(String path, String activePath, String proposedPath, String anchor, String subject,
        String field, boolean insideRule) {

    static DiffLocation root() {
        return new DiffLocation(JsonPath.ROOT, JsonPath.ROOT, JsonPath.ROOT, JsonPath.ROOT, null, "", false);
    }

    DiffLocation field(String name, boolean inActive, boolean inProposed) {
        String proposed = inProposed && proposedPath != null ? JsonPath.field(proposedPath, name) : null;
        return new DiffLocation(JsonPath.field(path, name),
                inActive && activePath != null ? JsonPath.field(activePath, name) : null, proposed,
                proposed != null ? proposed : anchor, subject, field.isEmpty() ? name : field + "." + name,
                insideRule);
    }

    /**
     * A field written under one key in the active contract and another in the proposed one, such as a threshold
     * whose operator changed; {@code name} is the key the readable path shows.
     */
    DiffLocation field(String name, String activeName, String proposedName) {
        DiffLocation shown = field(name, false, false);
        String active = activeName == null || activePath == null ? null : JsonPath.field(activePath, activeName);
        String proposed = proposedName == null || proposedPath == null ? null
                : JsonPath.field(proposedPath, proposedName);
        return new DiffLocation(shown.path, active, proposed, proposed != null ? proposed : anchor, subject,
                shown.field, insideRule);
    }

    DiffLocation item(String key, int activeIndex, int proposedIndex) {
        String proposed = proposedIndex >= 0 && proposedPath != null ? JsonPath.item(proposedPath, proposedIndex)
                : null;
        return new DiffLocation(path + "[" + key + "]",
                activeIndex >= 0 && activePath != null ? JsonPath.item(activePath, activeIndex) : null, proposed,
                proposed != null ? proposed : anchor, subject, field + "[" + key + "]", insideRule);
    }

    /** The same place, with sentences about a named thing (a property, a schema object). */
    DiffLocation about(String name) {
        return new DiffLocation(path, activePath, proposedPath, anchor, name, "", false);
    }

    /** The same place, with sentences about a quality rule such as "amount's invalidValues rule". */
    DiffLocation aboutRule(String rule) {
        return new DiffLocation(path, activePath, proposedPath, anchor, rule, "", true);
    }

    /** How a sentence names the field: "amount's maximum", "in amount's invalidValues rule, mostly". */
    String label(String name) {
        if (subject == null) {
            return name;
        }
        if (name.isEmpty()) {
            return subject;
        }
        return insideRule ? "in " + subject + ", " + name : subject + "'s " + name;
    }

    String label() {
        return label(field);
    }

    /** The last field name of this place, such as {@code value_set} in {@code implementation.kwargs.value_set}. */
    String name() {
        return field.substring(field.lastIndexOf('.') + 1);
    }
}
