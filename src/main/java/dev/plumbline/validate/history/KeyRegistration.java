package dev.plumbline.validate.history;

/** A key of an accepted record, to enter the dataset's history under that record. */
record KeyRegistration(String column, String key, long stagedRecordId) {
}
