package dev.plumbline.validate.conformance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The conformance figures and their Markdown page: per expectation type whether Plumbline implements it and how
 * many of its pandas cases pass, the overall figures, and why each failing case failed. Sorted, so that a rerun
 * on the same code writes the same page.
 */
record ConformanceReport(SortedMap<String, List<GxOutcome>> implemented, SortedMap<String, Integer> notImplemented,
        Set<String> implementedWithoutFixtures) {

    static ConformanceReport of(Map<String, List<GxCase>> casesByType, Set<String> registered) {
        SortedMap<String, List<GxOutcome>> implemented = new TreeMap<>();
        SortedMap<String, Integer> notImplemented = new TreeMap<>();
        casesByType.forEach((type, cases) -> {
            if (registered.contains(type)) {
                implemented.put(type, cases.stream().map(GxCaseRunner::run).toList());
            } else {
                notImplemented.put(type, cases.size());
            }
        });
        Set<String> withoutFixtures = new TreeSet<>(registered);
        withoutFixtures.removeAll(casesByType.keySet());
        return new ConformanceReport(implemented, notImplemented, withoutFixtures);
    }

    int cases() {
        return implemented.values().stream().mapToInt(List::size).sum();
    }

    int passed() {
        return (int) implemented.values().stream().flatMap(List::stream).filter(GxOutcome::passed).count();
    }

    double passRate() {
        return cases() == 0 ? 1.0 : (double) passed() / cases();
    }

    String summary() {
        int types = implemented.size() + notImplemented.size();
        return String.format(java.util.Locale.ROOT, "%d of %d expectation types with fixtures implemented; "
                + "%d of %d of their pandas cases pass (%.1f%%); %d cases of unimplemented types not run",
                implemented.size(), types, passed(), cases(), 100.0 * passRate(),
                notImplemented.values().stream().mapToInt(Integer::intValue).sum());
    }

    String markdown() {
        StringBuilder page = new StringBuilder(ConformancePage.INTRO).append("\n**").append(summary()).append(".**\n\n")
                .append("| expectation type | implemented | cases passed | not compared |\n|---|---|---|---|\n");
        implemented.forEach((type, outcomes) -> page.append("| `").append(type).append("` | yes | ")
                .append(outcomes.stream().filter(GxOutcome::passed).count()).append(" / ").append(outcomes.size())
                .append(" | ").append(notCompared(outcomes)).append(" |\n"));
        notImplemented.forEach((type, count) -> page.append("| `").append(type).append("` | no | – / ").append(count)
                .append(" | |\n"));
        page.append("\n## Not implemented\n\n");
        notImplemented.keySet().forEach(type -> page.append("- `").append(type).append("`\n"));
        page.append("\n## Implemented, without pandas fixture cases\n\n");
        implementedWithoutFixtures.forEach(type -> page.append("- `").append(type).append("`\n"));
        page.append("\n## Failing cases\n\n");
        implemented.forEach((type, outcomes) -> outcomes.stream().filter(outcome -> !outcome.passed())
                .forEach(outcome -> page.append("- `").append(type).append("` ").append(outcome.gxCase().name())
                        .append(": ").append(outcome.failure().replace("|", "\\|").replace("\n", " ")).append('\n')));
        return page.toString();
    }

    private static String notCompared(List<GxOutcome> outcomes) {
        return outcomes.stream().flatMap(outcome -> outcome.notCompared().stream()).distinct().sorted()
                .map(key -> "`" + key + "`").collect(Collectors.joining(", "));
    }
}
