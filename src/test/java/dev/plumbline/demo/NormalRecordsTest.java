package dev.plumbline.demo;

import static dev.plumbline.demo.StreamFixtures.cycles;
import static dev.plumbline.demo.StreamFixtures.json;
import static dev.plumbline.demo.StreamFixtures.normal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.demo.StreamFixtures.Published;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NormalRecordsTest {

    private static final Set<String> FIELDS = Set.of("transaction_id", "customer_id", "amount", "currency",
            "event_time", "merchant_category", "channel", "country");
    private static final Map<String, Set<String>> COUNTRIES_BY_CURRENCY = Map.of(
            "USD", Set.of("US"), "EUR", Set.of("DE", "FR", "NL", "ES"), "GBP", Set.of("GB"));
    private static final Set<String> CATEGORIES =
            Set.of("grocery", "travel", "electronics", "restaurants", "fuel", "other");

    private final List<Published> normal = normal(cycles(42, 2));

    @Test
    void normalRecordsSatisfyTheContractRules() {
        assertThat(normal).hasSizeGreaterThan(2_000);
        for (Published published : normal) {
            JsonNode record = json(published.event());

            assertThat(fieldNames(record)).as(published.event().text()).isEqualTo(FIELDS);
            assertThat(record.get("transaction_id").asText()).matches("tx-\\d{6}-[0-9a-f]{4}");
            assertThat(record.get("customer_id").asText()).matches("cus-\\d{5}")
                    .isEqualTo(published.event().key());
            assertThat(record.get("amount").isNumber()).isTrue();
            assertThat(record.get("amount").decimalValue())
                    .isBetween(BigDecimal.ZERO, new BigDecimal("100000"))
                    .satisfies(amount -> assertThat(amount.scale()).isEqualTo(2));
            assertThat(record.get("currency").asText()).isIn(COUNTRIES_BY_CURRENCY.keySet());
            assertThat(record.get("merchant_category").asText()).isIn(CATEGORIES);
            assertThat(record.get("channel").asText()).isIn("web", "mobile", "pos");
        }
    }

    @Test
    void transactionIdsAreUniqueAmongNormalRecords() {
        Set<String> ids = normal.stream().map(p -> text(p, "transaction_id")).collect(Collectors.toSet());

        assertThat(ids).hasSameSizeAs(normal);
    }

    @Test
    void eventTimeIsUtcWithMillisAndALittleBeforePublication() {
        for (Published published : normal) {
            String eventTime = text(published, "event_time");

            assertThat(eventTime).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            assertThat(Instant.parse(eventTime)).isBetween(published.at().minusSeconds(3), published.at());
        }
    }

    @Test
    void countryMatchesTheCurrency() {
        List<Published> mismatched = normal.stream()
                .filter(p -> !COUNTRIES_BY_CURRENCY.get(text(p, "currency")).contains(text(p, "country")))
                .toList();

        assertThat(mismatched).isEmpty();
    }

    @Test
    void mostTransactionsAreInUsd() {
        Map<String, Long> byCurrency = countBy(p -> text(p, "currency"));

        assertThat(byCurrency.get("USD")).isGreaterThan(normal.size() / 2);
        assertThat(byCurrency).containsOnlyKeys("USD", "EUR", "GBP");
    }

    @Test
    void amountsCentreAroundForty() {
        List<BigDecimal> sorted = normal.stream()
                .map(p -> json(p.event()).get("amount").decimalValue()).sorted().toList();

        assertThat(sorted.get(sorted.size() / 2)).isBetween(new BigDecimal("30"), new BigDecimal("55"));
        assertThat(sorted.get(0)).isGreaterThanOrEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void aFewHundredCustomersWithSkewedActivity() {
        Collection<Long> perCustomer = countBy(p -> text(p, "customer_id")).values();
        List<Long> busiestFirst = perCustomer.stream().sorted((a, b) -> Long.compare(b, a)).toList();
        long busiestTenth = busiestFirst.subList(0, busiestFirst.size() / 10).stream().mapToLong(Long::longValue).sum();

        assertThat(perCustomer).hasSizeBetween(150, TransactionFaker.CUSTOMERS);
        assertThat((double) busiestTenth / normal.size()).isGreaterThan(0.3);
    }

    @Test
    void everyCategoryAndChannelOccurs() {
        assertThat(countBy(p -> text(p, "merchant_category"))).containsOnlyKeys(CATEGORIES);
        assertThat(countBy(p -> text(p, "channel"))).containsOnlyKeys("web", "mobile", "pos");
    }

    private Map<String, Long> countBy(Function<Published, String> field) {
        return normal.stream().collect(Collectors.groupingBy(field, Collectors.counting()));
    }

    private static String text(Published published, String field) {
        return json(published.event()).get(field).asText();
    }

    private static Set<String> fieldNames(JsonNode record) {
        Set<String> names = new HashSet<>();
        record.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
