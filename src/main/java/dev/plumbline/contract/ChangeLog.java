package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the changes of one diff, placing each on the lines of both documents. */
final class ChangeLog {

    private final OdcsContract active;
    private final OdcsContract proposed;
    private final List<Change> changes = new ArrayList<>();

    ChangeLog(OdcsContract active, OdcsContract proposed) {
        this.active = active;
        this.proposed = proposed;
    }

    /** Records a change whose kind follows from which side is missing. */
    void record(DiffLocation at, JsonNode before, JsonNode after, Impact impact, String reason) {
        ChangeKind kind = before == null ? ChangeKind.ADDED : after == null ? ChangeKind.REMOVED : ChangeKind.CHANGED;
        record(at, kind, before, after, impact, reason);
    }

    void record(DiffLocation at, ChangeKind kind, JsonNode before, JsonNode after, Impact impact, String reason) {
        int activeLine = at.activePath() == null ? 0 : active.lines().lineOf(at.activePath());
        changes.add(new Change(at.path(), kind, before, after, proposed.lines().lineOf(at.anchor()), activeLine,
                impact, reason));
    }

    /** The changes ordered by path; changes on one path keep the order they were found in. */
    List<Change> ordered() {
        return changes.stream().sorted(Comparator.comparing(Change::path)).toList();
    }
}
