package dev.plumbline.validate.history;

import java.util.Optional;
import java.util.Set;

/** Looks up what a foreign key may point at: a registered dataset, its columns and which of them keep keys. */
public interface KeyTargets {

    /** Knows no dataset: every foreign key is a problem. For checks run without a database. */
    KeyTargets NONE = dataset -> Optional.empty();

    /** The dataset of that name, if registered. */
    Optional<Target> find(String dataset);

    /**
     * A registered dataset: whether it has an active contract, the properties of that contract and those marked
     * unique or primaryKey, whose accepted keys are kept.
     */
    record Target(boolean contracted, Set<String> columns, Set<String> keyColumns) {
    }
}
