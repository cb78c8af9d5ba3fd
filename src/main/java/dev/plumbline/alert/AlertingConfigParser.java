package dev.plumbline.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plumbline.contract.DurationText;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the routing file (Alertmanager's shape: {@code route}, {@code receivers}, {@code inhibit_rules}),
 * refusing unknown keys, unknown receivers and malformed matchers or durations with the path of the mistake.
 */
public final class AlertingConfigParser {

    static final String PAGERDUTY_EVENTS = "https://events.pagerduty.com/v2/enqueue";
    private static final Set<String> ROUTE_KEYS = Set.of("receiver", "matchers", "group_by", "group_wait",
            "group_interval", "repeat_interval", "continue", "routes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AlertingConfigParser() {
    }

    public static AlertingConfig parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("the routing file is not YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.has("route")) {
            throw new IllegalArgumentException("the routing file needs a top-level 'route'");
        }
        known(root, Set.of("route", "receivers", "inhibit_rules"), "");
        Map<String, Receiver> receivers = receivers(root.path("receivers"));
        Route defaults = new Route("", List.of(), null, List.of(), false, Duration.ofSeconds(30),
                Duration.ofMinutes(5), Duration.ofHours(4), false, List.of());
        JsonNode rootRoute = root.get("route");
        if (rootRoute.has("matchers") || !rootRoute.has("receiver")) {
            throw new IllegalArgumentException("route: the root route needs a receiver and takes no matchers");
        }
        Route route = route(rootRoute, defaults, "0", "route", receivers);
        List<InhibitRule> inhibit = new ArrayList<>();
        int i = 0;
        for (JsonNode rule : root.path("inhibit_rules")) {
            String at = "inhibit_rules[" + i++ + "]";
            known(rule, Set.of("source_matchers", "target_matchers", "equal"), at);
            inhibit.add(new InhibitRule(matchers(rule.path("source_matchers"), at + ".source_matchers"),
                    matchers(rule.path("target_matchers"), at + ".target_matchers"), strings(rule.path("equal"))));
        }
        return new AlertingConfig(route, receivers, List.copyOf(inhibit));
    }

    private static Route route(JsonNode node, Route parent, String id, String at, Map<String, Receiver> receivers) {
        known(node, ROUTE_KEYS, at);
        String receiver = node.hasNonNull("receiver") ? node.get("receiver").asText() : parent.receiver();
        if (!receivers.containsKey(receiver)) {
            throw new IllegalArgumentException(at + ".receiver: no receiver named '" + receiver + "'");
        }
        List<String> groupBy = node.has("group_by") ? strings(node.get("group_by")) : parent.groupBy();
        boolean all = node.has("group_by") ? groupBy.contains("...") : parent.groupByAll();
        List<Route> children = new ArrayList<>();
        Route self = new Route(id, matchers(node.path("matchers"), at + ".matchers"), receiver, groupBy, all,
                duration(node, "group_wait", parent.groupWait(), at), duration(node, "group_interval",
                        parent.groupInterval(), at), duration(node, "repeat_interval", parent.repeatInterval(), at),
                node.path("continue").asBoolean(false), children);
        int i = 0;
        for (JsonNode child : node.path("routes")) {
            children.add(route(child, self, id + "." + i, at + ".routes[" + i + "]", receivers));
            i++;
        }
        return self;
    }

    private static Map<String, Receiver> receivers(JsonNode list) {
        Map<String, Receiver> receivers = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode node : list) {
            String at = "receivers[" + i++ + "]";
            known(node, Set.of("name", "pagerduty_configs", "slack_configs", "webhook_configs"), at);
            String name = required(node, "name", at);
            List<Receiver.PagerDuty> pagerduty = new ArrayList<>();
            node.path("pagerduty_configs").forEach(c -> pagerduty.add(new Receiver.PagerDuty(
                    required(c, "routing_key", at + ".pagerduty_configs"),
                    c.path("url").asText(PAGERDUTY_EVENTS))));
            List<Receiver.Slack> slack = new ArrayList<>();
            node.path("slack_configs").forEach(c -> slack.add(new Receiver.Slack(
                    required(c, "api_url", at + ".slack_configs"))));
            List<Receiver.Webhook> webhooks = new ArrayList<>();
            node.path("webhook_configs").forEach(c -> webhooks.add(new Receiver.Webhook(
                    required(c, "url", at + ".webhook_configs"), required(c, "secret", at + ".webhook_configs"))));
            if (receivers.put(name, new Receiver(name, pagerduty, slack, webhooks)) != null) {
                throw new IllegalArgumentException(at + ".name: a second receiver named '" + name + "'");
            }
        }
        return receivers;
    }

    private static List<LabelMatcher> matchers(JsonNode list, String at) {
        List<LabelMatcher> matchers = new ArrayList<>();
        int i = 0;
        for (JsonNode text : list) {
            try {
                matchers.add(LabelMatcher.parse(text.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + "[" + i + "]: " + e.getMessage(), e);
            }
            i++;
        }
        return List.copyOf(matchers);
    }

    private static Duration duration(JsonNode node, String key, Duration inherited, String at) {
        return node.hasNonNull(key) ? DurationText.parse(node.get(key).asText(), at + "." + key) : inherited;
    }

    private static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    private static String required(JsonNode node, String key, String at) {
        if (!node.hasNonNull(key) || node.get(key).asText().isBlank()) {
            throw new IllegalArgumentException(at + ": '" + key + "' is required");
        }
        return node.get(key).asText();
    }

    private static void known(JsonNode node, Set<String> keys, String at) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!keys.contains(name)) {
                throw new IllegalArgumentException((at.isEmpty() ? "" : at + ".") + name + ": unknown key");
            }
        }
    }
}
