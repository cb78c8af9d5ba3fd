package dev.plumbline.quarantine;

import java.util.ArrayList;
import java.util.List;

/** What a quarantine page says about the action just taken: its outcome, or why it was refused. */
public record Notice(String message, boolean error) {

    static Notice of(Integer released, Integer failing, Integer skipped, Integer discarded, String error) {
        if (error != null && !error.isBlank()) {
            return new Notice(error, true);
        }
        List<String> parts = new ArrayList<>();
        if (released != null) {
            parts.add("Released " + records(released) + " to the pipeline.");
        }
        if (failing != null && failing > 0) {
            parts.add(records(failing) + " failed again and stay in quarantine with their new reasons.");
        }
        if (skipped != null && skipped > 0) {
            parts.add(records(skipped) + " had already been resolved or have no active contract; left as they were.");
        }
        if (discarded != null) {
            parts.add("Discarded " + records(discarded) + ".");
        }
        return parts.isEmpty() ? null : new Notice(String.join(" ", parts), false);
    }

    static String query(ReleaseOutcome outcome) {
        return "released=" + outcome.released() + "&failing=" + outcome.stillFailing() + "&skipped=" + outcome.skipped();
    }

    private static String records(int n) {
        return n == 1 ? "1 record" : n + " records";
    }
}
