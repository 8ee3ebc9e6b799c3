package dev.socialticker.ticker.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The one metric of outward deliveries, {@code ticker_deliveries_total{kind,destination,outcome}}:
 * an output's pushes ({@code kind="output"}, destination its name) and an alert channel's messages
 * ({@code kind="channel"}, destination the channel), counted alike. The older
 * {@code ticker_outputs_total} and {@code ticker_alerts_total} are still counted beside it, as
 * documented aliases, for one release. A view over the registry: each feature makes its own.
 */
public class DeliveryMeters {
    /** Micrometer's name; Prometheus shows {@code ticker_deliveries_total}. */
    public static final String NAME = "ticker.deliveries";

    public enum Kind {
        OUTPUT("output"),
        CHANNEL("channel");

        private final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        /** How a log line names one: "output", "channel". */
        public String noun() {
            return noun;
        }
    }

    public enum Outcome {
        /** The destination took it. */
        DELIVERED,
        /** Given up after its retries (an output's dead letter, a channel's failure). */
        FAILED,
        /** A retry skipped: a newer state was waiting (outputs only). */
        SUPERSEDED
    }

    private final MeterRegistry meters;

    public DeliveryMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Registers a destination's series at 0, so Prometheus' {@code increase()} sees its first
     * failure as a change, not as a series that merely appeared.
     */
    public void register(Kind kind, String destination) {
        for (Outcome outcome : Outcome.values()) {
            if (outcome != Outcome.SUPERSEDED || kind == Kind.OUTPUT) {
                counter(kind, destination, outcome);
            }
        }
    }

    public void count(Kind kind, String destination, Outcome outcome) {
        counter(kind, destination, outcome).increment();
    }

    private Counter counter(Kind kind, String destination, Outcome outcome) {
        return Counter.builder(NAME)
                .description("Outward deliveries (outputs' pushes, alert channels' messages) by kind, destination"
                        + " and outcome (delivered, failed, superseded)")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .tag("destination", destination)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(meters);
    }
}
