package dev.plumbline.alert;

import dev.plumbline.contract.DurationText;
import dev.plumbline.monitor.rules.Alert;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Everything the alerts page shows: alerts open and past, silences, the route tree and the delivery log. */
public record AlertsView(List<AlertRow> open, List<AlertRow> history, List<Silence> silences, List<RouteRow> routes,
        List<String> receivers, List<Notification> deliveries, boolean admin, String prefill, String notice,
        String error, Instant now) {

    /** An alert with the link that opens the silence form prefilled for it. */
    public record AlertRow(Alert alert) {

        public String silenceLink() {
            String matchers = String.join("\n", alert.labels().entrySet().stream()
                    .filter(e -> List.of("alertname", "team", "dataset", "column").contains(e.getKey()))
                    .map(e -> LabelMatcher.of(e.getKey(), LabelMatcher.Op.EQUAL, e.getValue()).toString()).toList());
            return "/alerts?matchers=" + URLEncoder.encode(matchers, StandardCharsets.UTF_8) + "#new-silence";
        }

        public String labelText() {
            return String.join(" ", alert.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toList());
        }
    }

    /** One node of the route tree, flattened in depth-first order with its depth. */
    public record RouteRow(int depth, String matchers, String receiver, String groupBy, String timing,
            boolean continueMatching) {

        public String indent() {
            return "padding-left: " + (0.5 + depth * 1.5) + "rem";
        }

        static RouteRow of(int depth, Route route) {
            return new RouteRow(depth, route.matchers().isEmpty() ? "(every alert)"
                    : String.join(", ", route.matchers().stream().map(LabelMatcher::toString).toList()),
                    route.receiver(), route.groupByAll() ? "every label" : String.join(", ", route.groupBy()),
                    "wait " + DurationText.format(route.groupWait()) + ", interval "
                            + DurationText.format(route.groupInterval()) + ", repeat "
                            + DurationText.format(route.repeatInterval()),
                    route.continueMatching());
        }
    }
}
