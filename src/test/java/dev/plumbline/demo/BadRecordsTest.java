package dev.plumbline.demo;

import static dev.plumbline.demo.StreamFixtures.cycles;
import static dev.plumbline.demo.StreamFixtures.json;
import static dev.plumbline.demo.StreamFixtures.ofKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.demo.StreamFixtures.Published;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BadRecordsTest {

    private final List<Published> stream = cycles(42, 2);

    @Test
    void nullBurstsLeaveCustomerIdNullOrMissingAndTheKeyEmpty() {
        List<Published> nulls = ofKind(stream, IncidentKind.NULL_CUSTOMER);

        assertThat(nulls).isNotEmpty().allSatisfy(p -> {
            assertThat(p.event().key()).isNull();
            JsonNode customer = json(p.event()).get("customer_id");
            assertThat(customer == null || customer.isNull()).as(p.event().text()).isTrue();
        });
        assertThat(nulls).anySatisfy(p -> assertThat(json(p.event()).has("customer_id")).isFalse());
        assertThat(nulls).anySatisfy(p -> assertThat(json(p.event()).get("customer_id").isNull()).isTrue());
    }

    @Test
    void duplicateIdsRepeatAnEarlierTransaction() {
        Set<String> sentNormally = new HashSet<>();
        int duplicates = 0;
        for (Published published : stream) {
            DemoEvent event = published.event();
            String keyAndValue = event.key() + " " + event.text();
            if (event.incident() == IncidentKind.DUPLICATE_ID) {
                assertThat(sentNormally).contains(keyAndValue);
                duplicates++;
            } else if (!event.isIncident()) {
                sentNormally.add(keyAndValue);
            }
        }

        assertThat(duplicates).isGreaterThan(20);
    }

    @Test
    void outOfRangeAmountsAreNegativeOrTwoAndAHalfMillion() {
        List<BigDecimal> amounts = ofKind(stream, IncidentKind.AMOUNT_OUT_OF_RANGE).stream()
                .map(p -> json(p.event()).get("amount").decimalValue())
                .toList();

        assertThat(amounts).isNotEmpty().allSatisfy(amount -> assertThat(
                amount.signum() < 0 || amount.compareTo(new BigDecimal("2500000")) == 0).as(amount.toString()).isTrue());
        assertThat(amounts).anySatisfy(amount -> assertThat(amount).isNegative());
        assertThat(amounts).anySatisfy(amount -> assertThat(amount).isEqualByComparingTo("2500000.00"));
    }

    @Test
    void lateEventsAreHoursBeforeIngestion() {
        List<Published> late = ofKind(stream, IncidentKind.LATE_EVENT);

        assertThat(late).isNotEmpty().allSatisfy(p -> {
            Instant eventTime = Instant.parse(json(p.event()).get("event_time").asText());
            assertThat(Duration.between(eventTime, p.at())).isBetween(Duration.ofHours(2), Duration.ofDays(3));
            assertThat(json(p.event()).get("customer_id").asText()).isEqualTo(p.event().key());
        });
    }

    @Test
    void malformedRecordsAreNotParseableJson() {
        ObjectMapper mapper = new ObjectMapper();
        List<Published> malformed = ofKind(stream, IncidentKind.MALFORMED_JSON);

        assertThat(malformed).hasSizeGreaterThan(20).allSatisfy(p -> assertThatThrownBy(
                () -> mapper.readTree(p.event().value())).as(p.event().text()).isInstanceOf(IOException.class));
        assertThat(malformed).anySatisfy(p -> assertThat(p.event().text()).startsWith("{\"transaction_id\""));
        assertThat(malformed).anySatisfy(p -> assertThat(p.event().text()).startsWith("ERROR "));
        assertThat(malformed).anySatisfy(p -> assertThat(p.event().value()).startsWith('O', 'b', 'j', 1));
    }

    @Test
    void unknownCurrencyIsJapaneseYenAndOtherwiseValid() {
        List<Published> unknown = ofKind(stream, IncidentKind.UNKNOWN_CURRENCY);

        assertThat(unknown).isNotEmpty().allSatisfy(p -> {
            JsonNode record = json(p.event());
            assertThat(record.get("currency").asText()).isEqualTo("JPY");
            assertThat(record.get("country").asText()).isEqualTo("JP");
            assertThat(record.get("customer_id").asText()).isEqualTo(p.event().key()).matches("cus-\\d{5}");
            assertThat(record.get("amount").decimalValue()).isBetween(BigDecimal.ONE, new BigDecimal("20000"));
        });
    }
}
