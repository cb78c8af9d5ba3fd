package dev.plumbline.contract;

import jakarta.persistence.Converter;
import java.util.Locale;

/** What a reviewer says of a revision: approve it, ask for changes, or only comment. */
public enum Verdict {
    APPROVE, REQUEST_CHANGES, COMMENT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict a form or API names; refuses an unknown one. */
    public static Verdict of(String key) {
        for (Verdict verdict : values()) {
            if (verdict.key().equals(key)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("verdict must be approve, request_changes or comment, not " + key);
    }

    @Converter(autoApply = true)
    static class Column extends LowerCaseColumn<Verdict> {
        Column() {
            super(Verdict.class);
        }
    }
}
