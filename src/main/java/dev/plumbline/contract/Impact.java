package dev.plumbline.contract;

/** How much a contract change matters to the data it accepts, in rising order: patch, minor, major. */
public enum Impact {
    DOCUMENTATION, ADDITIVE, BREAKING;

    /** The impact in lower case, as pages and the API show it. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
