package dev.plumbline.featurestore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plumbline.contract.Change;
import dev.plumbline.contract.ChangeKind;
import dev.plumbline.contract.Impact;
import dev.plumbline.contract.LineIndex;
import dev.plumbline.contract.YamlDocument;
import dev.plumbline.transform.FeatureSla;
import dev.plumbline.transform.FeatureSpec;
import dev.plumbline.transform.FeatureViewDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The changes between the active and a proposed version of a feature view, classified as contracts' are: what
 * changes the values consumers read (a feature removed, renamed or recomputed; entity key, source or event-time
 * field changed) or tightens an SLA is breaking; a feature added or an SLA loosened is additive; the rest is
 * documentation.
 */
final class FeatureViewDiff {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final LineIndex activeLines;
    private final LineIndex proposedLines;
    private final List<String> activeNames;
    private final List<String> proposedNames;
    private final List<Change> changes = new ArrayList<>();

    private FeatureViewDiff(FeatureViewDefinition active, String activeYaml, FeatureViewDefinition proposed,
            String proposedYaml) {
        this.activeLines = YamlDocument.read(activeYaml).lines();
        this.proposedLines = YamlDocument.read(proposedYaml).lines();
        this.activeNames = active.features().stream().map(FeatureSpec::name).toList();
        this.proposedNames = proposed.features().stream().map(FeatureSpec::name).toList();
    }

    static List<Change> between(FeatureViewDefinition active, String activeYaml, FeatureViewDefinition proposed,
            String proposedYaml) {
        FeatureViewDiff diff = new FeatureViewDiff(active, activeYaml, proposed, proposedYaml);
        diff.field("entity", active.entityKey(), proposed.entityKey(), "the entity key changed: values are keyed "
                + "by another field");
        diff.field("source", active.source(), proposed.source(), "the source dataset changed");
        diff.field("eventTimeField", active.eventTimeField(), proposed.eventTimeField(),
                "the event-time field changed: windows cover other events");
        diff.features(active.features(), proposed.features());
        diff.sla(active.sla(), proposed.sla());
        if (!Objects.equals(active.description(), proposed.description())) {
            diff.add("description", ChangeKind.CHANGED, active.description(), proposed.description(),
                    Impact.DOCUMENTATION, "the description changed");
        }
        if (diff.changes.isEmpty() && !activeYaml.equals(proposedYaml)) {
            diff.changes.add(new Change("$", ChangeKind.CHANGED, null, null, 1, 1, Impact.DOCUMENTATION,
                    "only the text changed (comments, order or layout)"));
        }
        return List.copyOf(diff.changes);
    }

    private void field(String path, String was, String is, String reason) {
        if (!Objects.equals(was, is)) {
            add(path, ChangeKind.CHANGED, was, is, Impact.BREAKING, reason);
        }
    }

    private void features(List<FeatureSpec> was, List<FeatureSpec> is) {
        for (FeatureSpec before : was) {
            FeatureSpec after = is.stream().filter(f -> f.name().equals(before.name())).findFirst().orElse(null);
            String path = "features[" + before.name() + "]";
            if (after == null) {
                FeatureSpec renamed = is.stream().filter(f -> sameComputation(f, before)
                        && was.stream().noneMatch(w -> w.name().equals(f.name()))).findFirst().orElse(null);
                add(path, renamed == null ? ChangeKind.REMOVED : ChangeKind.RENAMED, describe(before),
                        renamed == null ? null : renamed.name(), Impact.BREAKING, renamed == null
                                ? "feature removed: consumers reading it get nothing"
                                : "feature renamed to " + renamed.name() + ": consumers reading it get nothing");
                continue;
            }
            field(path + ".aggregation", before.aggregation().key(), after.aggregation().key(),
                    "the aggregation changed: the feature's values change meaning");
            field(path + ".field", before.field(), after.field(), "the source field changed");
            field(path + ".window", before.window().text(), after.window().text(), "the window changed");
        }
        for (FeatureSpec after : is) {
            boolean renamedTo = was.stream().anyMatch(w -> sameComputation(after, w)
                    && is.stream().noneMatch(f -> f.name().equals(w.name())));
            if (was.stream().noneMatch(w -> w.name().equals(after.name())) && !renamedTo) {
                add("features[" + after.name() + "]", ChangeKind.ADDED, null, describe(after), Impact.ADDITIVE,
                        "feature added");
            }
        }
    }

    private void sla(FeatureSla was, FeatureSla is) {
        limit("sla.freshness", was.freshness(), is.freshness(), "freshness");
        if (!Objects.equals(was.psiThreshold(), is.psiThreshold())) {
            boolean tighter = is.psiThreshold() < was.psiThreshold();
            add("sla.psiThreshold", ChangeKind.CHANGED, String.valueOf(was.psiThreshold()),
                    String.valueOf(is.psiThreshold()), tighter ? Impact.BREAKING : Impact.ADDITIVE,
                    "PSI threshold " + (tighter ? "lowered: the SLA tightened" : "raised: the SLA loosened"));
        }
        limit("sla.servingP99", was.servingP99(), is.servingP99(), "serving P99");
    }

    private void limit(String path, Duration was, Duration is, String what) {
        if (!was.equals(is)) {
            boolean tighter = is.compareTo(was) < 0;
            add(path, ChangeKind.CHANGED, written(was), written(is), tighter ? Impact.BREAKING : Impact.ADDITIVE,
                    what + (tighter ? " shortened: the SLA tightened" : " lengthened: the SLA loosened"));
        }
    }

    /** A duration as authors write it in a view (ms, s, m, h, d): 1h, not PT1H. */
    static String written(Duration d) {
        long ms = d.toMillis();
        long[] sizes = {86_400_000, 3_600_000, 60_000, 1000};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms % sizes[i] == 0) {
                return ms / sizes[i] + units[i];
            }
        }
        return ms + "ms";
    }

    private void add(String path, ChangeKind kind, String before, String after, Impact impact, String reason) {
        JsonNode was = before == null ? null : JSON.textNode(before);
        JsonNode is = after == null ? null : JSON.textNode(after);
        changes.add(new Change(path, kind, was, is, proposedLines.lineOf(indexed(path, true)),
                kind == ChangeKind.ADDED ? 0 : activeLines.lineOf(indexed(path, false)), impact, reason));
    }

    // Feature paths name features; the line index knows them by position.
    private String indexed(String path, boolean proposed) {
        if (!path.startsWith("features[")) {
            return path;
        }
        int end = path.indexOf(']');
        int index = (proposed ? proposedNames : activeNames).indexOf(path.substring("features[".length(), end));
        return index < 0 ? "features" : "features[" + index + "]" + path.substring(end + 1);
    }

    private static boolean sameComputation(FeatureSpec a, FeatureSpec b) {
        return a.aggregation() == b.aggregation() && a.field().equals(b.field()) && a.window().equals(b.window());
    }

    private static String describe(FeatureSpec f) {
        return f.aggregation().key() + "(" + f.field() + ") over " + f.window().text();
    }
}
