package dev.plumbline.validate.history;

/** The staged record a key was accepted with, and where it came from (null where staging no longer has it). */
record KeyHolder(long stagedRecordId, String topic, Integer partition, Long offset) {

    /** How a reason names it: {@code staged record 17 (transactions, partition 0, offset 41)}. */
    String describe() {
        return "staged record " + stagedRecordId + (topic == null ? ""
                : " (" + topic + ", partition " + partition + ", offset " + offset + ")");
    }
}
