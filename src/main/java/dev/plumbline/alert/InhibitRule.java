package dev.plumbline.alert;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mutes target alerts while a source alert fires with the same values of the {@code equal} labels, as in
 * Alertmanager: a dataset's ingestion-lag alert mutes its staleness alert. An alert never inhibits itself.
 */
public record InhibitRule(List<LabelMatcher> sourceMatchers, List<LabelMatcher> targetMatchers, List<String> equal) {

    public boolean mutes(Map<String, String> target, Collection<? extends Map<String, String>> firing) {
        if (!all(targetMatchers, target)) {
            return false;
        }
        return firing.stream().filter(source -> !source.equals(target))
                .filter(source -> all(sourceMatchers, source))
                .anyMatch(source -> equal.stream().allMatch(l -> Objects.equals(source.get(l), target.get(l))));
    }

    private static boolean all(List<LabelMatcher> matchers, Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }
}
