package dev.plumbline.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A node of the routing tree, as in Alertmanager: an alert enters at the root and descends into the first
 * child that matches (every matching child while they say {@code continue}); a node none of whose children
 * match takes the alert itself. Settings left out are inherited from the parent.
 */
public record Route(String id, List<LabelMatcher> matchers, String receiver, List<String> groupBy,
        boolean groupByAll, Duration groupWait, Duration groupInterval, Duration repeatInterval,
        boolean continueMatching, List<Route> children) {

    /** The routes that take an alert with these labels, in tree order; empty when this route does not match. */
    public List<Route> match(Map<String, String> labels) {
        if (!matchers.stream().allMatch(m -> m.matches(labels))) {
            return List.of();
        }
        List<Route> all = new ArrayList<>();
        for (Route child : children) {
            List<Route> matched = child.match(labels);
            all.addAll(matched);
            if (!matched.isEmpty() && !child.continueMatching) {
                break;
            }
        }
        return all.isEmpty() ? List.of(this) : all;
    }

    /** The labels this route groups an alert by: those of {@code group_by} the alert has, or all of them. */
    public SortedMap<String, String> groupLabels(Map<String, String> labels) {
        SortedMap<String, String> group = new TreeMap<>();
        labels.forEach((name, value) -> {
            if (groupByAll || groupBy.contains(name)) {
                group.put(name, value);
            }
        });
        return group;
    }

    /** The aggregation group's identity: the route, its receiver and the group labels — never a time. */
    public String groupKey(Map<String, String> labels) {
        return receiver + ":" + id + ":" + groupLabels(labels);
    }

    /** This route and its descendants, depth first, each with its depth. */
    public void walk(int depth, List<Map.Entry<Integer, Route>> into) {
        into.add(Map.entry(depth, this));
        children.forEach(child -> child.walk(depth + 1, into));
    }
}
