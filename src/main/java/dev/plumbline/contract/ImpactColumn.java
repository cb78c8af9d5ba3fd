package dev.plumbline.contract;

import jakarta.persistence.Converter;

/** Stores a change's impact in lower case. */
@Converter(autoApply = true)
class ImpactColumn extends LowerCaseColumn<Impact> {
    ImpactColumn() {
        super(Impact.class);
    }
}
