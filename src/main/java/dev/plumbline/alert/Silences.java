package dev.plumbline.alert;

import dev.plumbline.access.AuditLog;
import dev.plumbline.access.Caller;
import dev.plumbline.access.NotAllowed;
import dev.plumbline.access.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creating and expiring silences on someone's behalf, with the audit entry in the same transaction. A silence
 * is scoped to a team by its {@code team="…"} matcher: an editor of that team or an administrator may create
 * or expire it; only an administrator may silence beyond one team.
 */
@ApplicationScoped
@Transactional
public class Silences {

    private final SilenceStore store;
    private final AuditLog audit;

    public Silences(SilenceStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** Who acts, and from where. */
    public record Actor(Caller caller, String remoteAddress) {
    }

    public Silence create(List<String> matcherTexts, Instant startsAt, Instant endsAt, String comment, Actor actor) {
        List<LabelMatcher> matchers = matcherTexts.stream().filter(t -> t != null && !t.isBlank())
                .map(LabelMatcher::parse).toList();
        authorize(matchers, actor.caller(), "silence its alerts");
        Silence silence = store.create(matchers, startsAt, endsAt, actor.caller().username(), comment);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("matchers", silence.matcherText());
        details.put("startsAt", silence.startsAt().toString());
        details.put("endsAt", silence.endsAt().toString());
        details.put("comment", silence.comment());
        audit.record(actor.caller().username(), "silence.created", "silence", Long.toString(silence.id()), details,
                actor.remoteAddress());
        return silence;
    }

    /** Ends a silence now; returns whether it was still in force. */
    public boolean expire(long id, Instant now, Actor actor) {
        Silence silence = store.get(id);
        authorize(silence.matchers(), actor.caller(), "expire its silences");
        boolean expired = store.expire(id, actor.caller().username(), now);
        if (expired) {
            audit.record(actor.caller().username(), "silence.expired", "silence", Long.toString(id),
                    Map.of("matchers", silence.matcherText()), actor.remoteAddress());
        }
        return expired;
    }

    static void authorize(List<LabelMatcher> matchers, Caller caller, String action) {
        if (caller.isAdmin()) {
            return;
        }
        String team = Silence.team(matchers).orElseThrow(() -> new NotAllowed(
                "only an administrator may silence without a team=\"…\" matcher; add the team you edit for"));
        caller.require(team, Role.EDITOR, action);
    }
}
