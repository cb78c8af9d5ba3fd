package dev.plumbline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DemoPublisherTest {

    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private final DemoPublisher publisher = new DemoPublisher(
            new Settings(true, "demo-transactions", 20, Duration.ofSeconds(60), 42), "broker:9092");

    @Test
    void eachTickPublishesOneSecondOfTransactionsToTheTopic() {
        MockProducer<String, byte[]> producer = producer(true);
        publisher.start(producer, START);

        publisher.publish(START.plusSeconds(1));

        assertThat(producer.history()).hasSize(20)
                .allSatisfy(record -> assertThat(record.topic()).isEqualTo("demo-transactions"))
                .allSatisfy(record -> assertThat(new String(record.value())).contains(record.key()));
    }

    @Test
    void theStreamMatchesTheOneTheSeedDescribes() {
        MockProducer<String, byte[]> producer = producer(true);
        publisher.start(producer, START);

        publisher.publish(START.plusSeconds(6));

        TransactionStream expected = new TransactionStream(42, START, IncidentScript.every(Duration.ofSeconds(60)));
        assertThat(producer.history()).map(ProducerRecord::value)
                .containsExactlyElementsOf(expected.next(START.plusSeconds(6), 20).stream().map(DemoEvent::value).toList());
    }

    @Test
    void theConfiguredCurrencySwitchSendsEuroCentsOnItsSchedule() {
        MockProducer<String, byte[]> producer = producer(true);
        publisher.start(producer, START);

        publisher.publish(START.plusSeconds(12));

        TransactionStream expected = new TransactionStream(42, START, IncidentScript.every(Duration.ofSeconds(60)),
                new CurrencySwitch(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(1))::activeAt);
        assertThat(expected.inEuroCentsAt(START.plusSeconds(12))).isTrue();
        assertThat(producer.history()).map(ProducerRecord::value)
                .containsExactlyElementsOf(expected.next(START.plusSeconds(12), 20).stream().map(DemoEvent::value).toList());
    }

    @Test
    void aSendThatThrowsDoesNotEscapeTheTickAndTheNextTickPublishes() {
        MockProducer<String, byte[]> producer = producer(true);
        publisher.start(producer, START);
        producer.sendException = new KafkaException("broker unavailable");

        assertThatCode(() -> publisher.publish(START.plusSeconds(1))).doesNotThrowAnyException();
        producer.sendException = null;
        publisher.publish(START.plusSeconds(2));

        assertThat(producer.history()).hasSize(20);
    }

    @Test
    void sendsThatFailLaterDoNotStopTheNextTick() {
        MockProducer<String, byte[]> producer = producer(false);
        publisher.start(producer, START);
        publisher.publish(START.plusSeconds(1));

        for (int i = 0; i < 20; i++) {
            assertThat(producer.errorNext(new KafkaException("record too large"))).isTrue();
        }

        assertThatCode(() -> publisher.publish(START.plusSeconds(2))).doesNotThrowAnyException();
        assertThat(producer.history()).hasSize(40);
    }

    @Test
    void stoppingClosesTheProducerAndLaterTicksPublishNothing() {
        MockProducer<String, byte[]> producer = producer(true);
        publisher.start(producer, START);

        publisher.stop();
        publisher.publish(START.plusSeconds(1));

        assertThat(producer.closed()).isTrue();
        assertThat(producer.history()).isEmpty();
    }

    private static MockProducer<String, byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
    }

    private record Settings(boolean enabled, String topic, int ratePerSecond, Duration incidentCycle, long seed)
            implements DemoConfig {

        @Override
        public String password() {
            return "unused";
        }

        @Override
        public boolean receiverEnabled() {
            return false;
        }

        @Override
        public String receiverSecret() {
            return "unused";
        }

        @Override
        public CurrencySwitchConfig currencySwitch() {
            return new Switch(true, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(1));
        }
    }

    private record Switch(boolean enabled, Duration after, Duration lasting, Duration every)
            implements DemoConfig.CurrencySwitchConfig {
    }
}
