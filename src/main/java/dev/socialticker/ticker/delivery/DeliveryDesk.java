package dev.socialticker.ticker.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where every destination's deliveries are accounted for: it makes the {@link Courier}s, counts their
 * outcomes in {@code ticker_deliveries_total} ({@link DeliveryMeters}), hands what they give up to the
 * one dead-letter channel ({@link DeliveryEndpoints#DEAD_LETTER}), which logs it once and records it,
 * and keeps each destination's {@link DeliveryRecord} for {@code /actuator/health}.
 */
@Component
public class DeliveryDesk {
    private static final Logger log = LoggerFactory.getLogger(DeliveryDesk.class);

    private final ProducerTemplate producer;
    private final DeliveryMeters meters;
    private final Clock clock;
    private final Map<DeliveryMeters.Kind, Map<String, DeliveryRecord>> records =
            new EnumMap<>(DeliveryMeters.Kind.class);

    public DeliveryDesk(ProducerTemplate producer, MeterRegistry meters, Clock clock) {
        this.producer = producer;
        this.meters = new DeliveryMeters(meters);
        this.clock = clock;
        for (DeliveryMeters.Kind kind : DeliveryMeters.Kind.values()) {
            records.put(kind, new ConcurrentHashMap<>());
        }
    }

    /** A new destination's courier; its series exist at 0 from now on. */
    public <P> Courier<P> courier(
            DeliveryMeters.Kind kind, String name, Courier.Route route, Courier.Handling<P> handling) {
        meters.register(kind, name);
        return new Courier<>(kind, name, route, handling, this, clock);
    }

    /** What the destination did last. */
    public DeliveryRecord record(DeliveryMeters.Kind kind, String name) {
        return records.get(kind).getOrDefault(name, DeliveryRecord.NONE);
    }

    /** A destination removed: its record goes with it. */
    public void forget(DeliveryMeters.Kind kind, String name) {
        records.get(kind).remove(name);
    }

    void delivered(DeliveryMeters.Kind kind, String name, String about, Duration took) {
        records.get(kind)
                .compute(
                        name,
                        (key, state) ->
                                (state == null ? DeliveryRecord.NONE : state).delivered(about, clock.instant(), took));
    }

    void count(DeliveryMeters.Kind kind, String name, DeliveryMeters.Outcome outcome) {
        meters.count(kind, name, outcome);
    }

    void deadLetter(DeadLetter letter) {
        producer.sendBody(DeliveryEndpoints.DEAD_LETTER, letter);
    }

    /** The dead-letter channel's step: recorded for health, and said once. */
    void recordFailed(DeadLetter letter) {
        DeliveryRecord.Failed failure =
                DeliveryRecord.Failed.of(letter.about(), letter.failure(), letter.at(), letter.attempts());
        records.get(letter.kind())
                .compute(
                        letter.destination(),
                        (key, state) -> (state == null ? DeliveryRecord.NONE : state).failed(failure));
        log.warn("{}", letter.line());
    }
}
