package dev.plumbline.contract;

/** How much a contract change matters to the data it accepts, in rising order: patch, minor, major. */
public enum Impact {
    DOCUMENTATION, ADDITIVE, BREAKING;

    /** The highest impact among the changes; documentation when there are none. */
    public static Impact of(java.util.Collection<Change> changes) {
        return changes.stream().map(Change::impact).max(java.util.Comparator.naturalOrder()).orElse(DOCUMENTATION);
    }

    /** The impact in lower case, as pages and the API show it. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
