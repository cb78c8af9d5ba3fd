package dev.plumbline.demo;

/** A kind of bad data that the demo stream injects on schedule. */
public enum IncidentKind {

    NULL_CUSTOMER("customer_id null or missing"),
    DUPLICATE_ID("re-sent transactions with an already used transaction_id"),
    AMOUNT_OUT_OF_RANGE("amounts below 0 or above 100000"),
    LATE_EVENT("event_time hours or days in the past"),
    MALFORMED_JSON("payloads that are not JSON"),
    UNKNOWN_CURRENCY("currency outside USD, EUR and GBP");

    private final String description;

    IncidentKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
