package dev.plumbline.demo;

import static dev.plumbline.demo.StreamFixtures.START;
import static dev.plumbline.demo.StreamFixtures.cycles;
import static dev.plumbline.demo.StreamFixtures.json;
import static dev.plumbline.demo.StreamFixtures.normal;
import static dev.plumbline.demo.StreamFixtures.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.demo.StreamFixtures.Published;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransactionStreamTest {

    @Test
    void sameSeedGivesSameStream() {
        assertThat(cycles(7, 1)).isEqualTo(cycles(7, 1));
    }

    @Test
    void differentSeedsGiveDifferentStreams() {
        assertThat(events(cycles(7, 1))).isNotEqualTo(events(cycles(8, 1)));
    }

    @Test
    void aLaterStartWithTheSameSeedDoesNotReuseTransactionIds() {
        TransactionStream restarted =
                new TransactionStream(42, START.plusSeconds(3_600), IncidentScript.every(StreamFixtures.CYCLE));

        Set<String> first = transactionIds(cycles(42, 1));
        Set<String> second = transactionIds(StreamFixtures.run(restarted, START.plusSeconds(3_600), 1));

        assertThat(second).hasSizeGreaterThan(1_000).doesNotContainAnyElementsOf(first);
    }

    @Test
    void everyIncidentKindOccursWithinOneCycle() {
        Set<IncidentKind> seen = cycles(42, 1).stream()
                .map(p -> p.event().incident())
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(IncidentKind.class)));

        assertThat(seen).containsExactlyInAnyOrder(IncidentKind.values());
    }

    @Test
    void badRecordsAppearOnlyWhileTheirIncidentIsActive() {
        IncidentScript script = IncidentScript.every(StreamFixtures.CYCLE);

        for (Published published : cycles(42, 2)) {
            IncidentKind kind = published.event().incident();
            if (kind != null) {
                assertThat(script.activeAt(Duration.between(START, published.at()))).contains(kind);
            }
        }
    }

    @Test
    void atTheDefaultRateTheBadFractionPerCycleIsWellBelowHalfButAboveZero() {
        for (int cycle = 0; cycle < 3; cycle++) {
            List<Published> oneCycle = cycles(42, 3).subList(cycle * 1_200, (cycle + 1) * 1_200);
            long bad = oneCycle.stream().filter(p -> p.event().isIncident()).count();

            assertThat(bad / 1_200.0).isBetween(0.08, 0.18);
        }
    }

    @Test
    void theNormalStreamKeepsGoingDuringEachIncident() {
        Map<Long, List<Published>> bySecond = cycles(42, 1).stream()
                .collect(Collectors.groupingBy(p -> p.at().getEpochSecond()));

        assertThat(bySecond).hasSize(60);
        bySecond.values().forEach(second -> {
            assertThat(second).hasSize(StreamFixtures.RATE);
            assertThat(normal(second)).hasSizeGreaterThanOrEqualTo(StreamFixtures.RATE / 4);
        });
        for (IncidentKind kind : IncidentKind.values()) {
            assertThat(ofKind(cycles(42, 1), kind)).as(kind.name()).hasSizeBetween(10, 45);
        }
    }

    private static List<DemoEvent> events(List<Published> published) {
        return published.stream().map(Published::event).toList();
    }

    private static Set<String> transactionIds(List<Published> published) {
        return normal(published).stream()
                .map(p -> json(p.event()).get("transaction_id").asText())
                .collect(Collectors.toSet());
    }
}
