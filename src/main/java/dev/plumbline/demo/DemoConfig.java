package dev.plumbline.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the demo stream that publishes realistic transactions, with scripted incidents, to Kafka. */
@ConfigMapping(prefix = "plumbline.demo")
public interface DemoConfig {

    /** Whether Plumbline publishes the demo stream at all; off unless the demo run turns it on. */
    @WithDefault("false")
    boolean enabled();

    /** The Kafka topic the demo transactions are published to, which names the demo dataset. */
    @WithDefault("transactions")
    String topic();

    /** How many records are published each second, bad ones included. */
    @WithDefault("20")
    int ratePerSecond();

    /** How long one round of scripted incidents lasts before it repeats; at least 12 seconds. */
    @WithDefault("60s")
    Duration incidentCycle();

    /** The password of every demo account (alice, bob, carol, victor, ada); for demonstrations only. */
    @WithDefault("plumbline-demo")
    String password();

    /** The scripted USD → EUR incident: when {@code amount} goes out in euro cents instead of US dollars. */
    CurrencySwitchConfig currencySwitch();

    /** The schedule of the currency switch, counted from the start of the stream. */
    interface CurrencySwitchConfig {

        /** Whether the stream switches at all. */
        @WithDefault("true")
        boolean enabled();

        /** How long after the stream starts the first switch begins. */
        @WithDefault("3m")
        Duration after();

        /** How long each switch lasts before the stream sends dollars again. */
        @WithDefault("5m")
        Duration lasting();

        /** How often the switch comes back, counted from one start to the next. */
        @WithDefault("30m")
        Duration every();

        default CurrencySwitch schedule() {
            return enabled() ? new CurrencySwitch(after(), lasting(), every()) : CurrencySwitch.NEVER;
        }
    }

    /** Whether the demo receiver takes notifications at /demo/receiver; on whenever the demo is. */
    @WithDefault("${plumbline.demo.enabled:false}")
    boolean receiverEnabled();

    /**
     * The secret the demo receiver checks webhook signatures with; the same as the webhook's {@code secret} in
     * {@code deploy/alerting/routes.demo.yml}.
     */
    @WithDefault("plumbline-demo-webhook-secret")
    String receiverSecret();

    /** The random seed: the same seed gives the same customers, amounts and incidents on every run. */
    @WithDefault("42")
    long seed();
}
