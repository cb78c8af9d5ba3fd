package dev.plumbline.contract;

import jakarta.persistence.Converter;
import java.util.Locale;

/**
 * Where a change request stands: a draft its author is still writing, under review, approved and waiting to be
 * activated, active, or withdrawn.
 */
public enum ChangeRequestState {
    DRAFT, OPEN, APPROVED, ACTIVE, WITHDRAWN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Converter(autoApply = true)
    static class Column extends LowerCaseColumn<ChangeRequestState> {
        Column() {
            super(ChangeRequestState.class);
        }
    }
}
