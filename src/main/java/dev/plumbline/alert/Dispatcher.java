package dev.plumbline.alert;

import dev.plumbline.monitor.rules.Alert;
import dev.plumbline.monitor.rules.AlertState;
import dev.plumbline.monitor.rules.AlertStore;
import dev.plumbline.monitor.rules.AlertsEvaluated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Alertmanager's dispatcher over Plumbline's alerts, run in the evaluation's transaction (so notifications
 * commit with the state changes that caused them): firing alerts that no silence or inhibition mutes are routed
 * into aggregation groups; a new group waits {@code group_wait}, then each {@code group_interval} tells its
 * receiver what changed, and repeats an unchanged firing group after {@code repeat_interval}.
 */
@ApplicationScoped
public class Dispatcher {

    private final Routing routing;
    private final AlertStore alerts;
    private final SilenceStore silences;
    private final GroupStore groups;
    private final Notifier notifier;

    public Dispatcher(Routing routing, AlertStore alerts, SilenceStore silences, GroupStore groups,
            Notifier notifier) {
        this.routing = routing;
        this.alerts = alerts;
        this.silences = silences;
        this.groups = groups;
        this.notifier = notifier;
    }

    void evaluated(@Observes AlertsEvaluated event) {
        dispatch(event.at());
    }

    /** A group's alerts at this dispatch, with the route that grouped them. */
    private record Members(Route route, SortedMap<String, String> labels, List<Alert> alerts) {
    }

    public void dispatch(Instant now) {
        Map<String, Members> current = route(unmuted(now));
        Map<String, AlertGroup> known = groups.all();
        current.forEach((key, members) -> known.computeIfAbsent(key,
                k -> groups.create(k, members.route(), members.labels(), now)));
        known.values().stream().filter(group -> !now.isBefore(group.nextFlushAt()))
                .forEach(group -> flush(group, current.get(group.key()), now));
    }

    /** The firing alerts no active silence matches and no inhibition rule mutes. */
    List<Alert> unmuted(Instant now) {
        List<Alert> firing = alerts.open().stream().filter(Alert::firing).toList();
        List<Map<String, String>> firingLabels = firing.stream().<Map<String, String>>map(Alert::labels).toList();
        List<Silence> active = silences.current(now);
        List<InhibitRule> rules = routing.config().inhibitRules();
        return firing.stream()
                .filter(alert -> active.stream().noneMatch(s -> s.mutes(alert.labels(), now)))
                .filter(alert -> rules.stream().noneMatch(r -> r.mutes(alert.labels(), firingLabels)))
                .toList();
    }

    private Map<String, Members> route(List<Alert> unmuted) {
        Map<String, Members> current = new LinkedHashMap<>();
        for (Alert alert : unmuted) {
            for (Route route : routing.config().route().match(alert.labels())) {
                current.computeIfAbsent(route.groupKey(alert.labels()), k -> new Members(route,
                        route.groupLabels(alert.labels()), new ArrayList<>())).alerts().add(alert);
            }
        }
        return current;
    }

    private void flush(AlertGroup group, Members members, Instant now) {
        List<Alert> firing = members == null ? List.of() : members.alerts();
        Set<String> firingNow = firing.stream().map(Alert::fingerprint).collect(Collectors.toCollection(TreeSet::new));
        Set<String> gone = new TreeSet<>(group.notifiedFiring());
        gone.removeAll(firingNow);
        // Alerts that left the group because a silence or inhibition now mutes them are dropped, not resolved.
        List<Alert> resolved = gone.isEmpty() ? List.of() : alerts.latest(gone).stream()
                .filter(a -> a.state() == AlertState.RESOLVED).toList();
        boolean changed = !firingNow.equals(group.notifiedFiring());
        Route route = members == null ? null : members.route();
        boolean repeat = route != null && group.lastNotifiedAt() != null
                && !now.isBefore(group.lastNotifiedAt().plus(route.repeatInterval()));
        boolean tell = (changed && !(firing.isEmpty() && resolved.isEmpty())) || repeat;
        if (tell) {
            notifier.enqueue(new GroupNotification(group.receiver(), group.key(), group.groupLabels(), firing,
                    resolved, routing.externalUrl()), now);
        }
        if (firing.isEmpty()) {
            groups.delete(group.key());
        } else {
            groups.flushed(group.key(), now.plus(route.groupInterval()), tell ? now : group.lastNotifiedAt(),
                    firingNow);
        }
    }
}
