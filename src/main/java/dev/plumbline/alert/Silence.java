package dev.plumbline.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A silence: alerts matching every matcher are not notified between its start and its end. */
public record Silence(long id, List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
        String comment, Instant createdAt, String expiredBy) {

    public boolean activeAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public boolean mutes(Map<String, String> labels, Instant now) {
        return activeAt(now) && matchers.stream().allMatch(m -> m.matches(labels));
    }

    /** The team the silence is scoped to: its {@code team="…"} matcher, if it has one. */
    public static Optional<String> team(List<LabelMatcher> matchers) {
        return matchers.stream().filter(m -> m.name().equals("team") && m.op() == LabelMatcher.Op.EQUAL)
                .map(LabelMatcher::value).findFirst();
    }

    public String matcherText() {
        return String.join(", ", matchers.stream().map(LabelMatcher::toString).toList());
    }

    public String state(Instant now) {
        return activeAt(now) ? "active" : now.isBefore(startsAt) ? "pending" : "expired";
    }
}
