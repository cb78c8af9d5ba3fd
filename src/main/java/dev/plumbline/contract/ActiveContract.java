package dev.plumbline.contract;

/** The contract version a dataset is validated against now, parsed, with the dataset it governs. */
public record ActiveContract(long datasetId, String datasetName, String topic, long versionId, String version,
        OdcsContract contract) {

    static final String EVENT_TIME_FIELD = "eventTimeField";

    /** The record field holding the event time, from the contract's {@code customProperties}, if it names one. */
    public String eventTimeField() {
        return eventTimeField(contract);
    }

    /** The event time field a contract names in its {@code customProperties}, or null. */
    public static String eventTimeField(OdcsContract contract) {
        for (var property : contract.document().path("customProperties")) {
            if (EVENT_TIME_FIELD.equals(property.path("property").asText())) {
                return property.path("value").asText(null);
            }
        }
        return null;
    }
}
