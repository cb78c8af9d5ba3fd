package dev.plumbline.contract;

/** What happened to a field between the active and the proposed contract. */
public enum ChangeKind {
    ADDED, REMOVED, CHANGED, RENAMED
}
