package dev.plumbline.featurestore;

/** One version of a feature view as its page lists it: its state and, when it was proposed, its change request. */
public record VersionRow(String version, String status, Long changeRequest, String changeState, String impact) {
}
