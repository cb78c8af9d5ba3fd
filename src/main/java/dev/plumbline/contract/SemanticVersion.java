package dev.plumbline.contract;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A contract version number MAJOR.MINOR.PATCH, as semantic versioning writes it, without pre-release tags. */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {

    private static final Pattern FORMAT = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");
    private static final Comparator<SemanticVersion> ORDER = Comparator.comparingInt(SemanticVersion::major)
            .thenComparingInt(SemanticVersion::minor).thenComparingInt(SemanticVersion::patch);

    public SemanticVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers cannot be negative: " + major + "." + minor + "."
                    + patch);
        }
    }

    /** Reads "1.4.2"; refuses anything else, such as "1.4", "v1.4.2", "01.4.2" or "2.0.0-rc.1". */
    public static SemanticVersion parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("version \"" + text + "\" is not a semantic version: expected "
                    + "MAJOR.MINOR.PATCH such as 1.4.2, three numbers without leading zeros, prefix or suffix");
        }
        return new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }

    public SemanticVersion bumpMajor() {
        return new SemanticVersion(major + 1, 0, 0);
    }

    public SemanticVersion bumpMinor() {
        return new SemanticVersion(major, minor + 1, 0);
    }

    public SemanticVersion bumpPatch() {
        return new SemanticVersion(major, minor, patch + 1);
    }

    /** The next version for a change of this impact: major for breaking, minor for additive, else patch. */
    public SemanticVersion bump(Impact impact) {
        return switch (impact) {
            case BREAKING -> bumpMajor();
            case ADDITIVE -> bumpMinor();
            case DOCUMENTATION -> bumpPatch();
        };
    }

    @Override
    public int compareTo(SemanticVersion other) {
        return ORDER.compare(this, other);
    }

    public boolean isAfter(SemanticVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
