package dev.plumbline.contract;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Where a contract version is in its lifecycle: draft → proposed → approved → active → deprecated/retired. */
public enum ContractStatus {
    DRAFT, PROPOSED, APPROVED, ACTIVE, DEPRECATED, RETIRED;

    /** Stores the status in lower case, as ODCS writes it. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<ContractStatus, String> {
        @Override
        public String convertToDatabaseColumn(ContractStatus status) {
            return status == null ? null : status.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public ContractStatus convertToEntityAttribute(String value) {
            return value == null ? null : ContractStatus.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
