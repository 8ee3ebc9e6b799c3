package dev.socialticker.ticker.output;

import dev.socialticker.ticker.delivery.DeliveryRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What each output did last ({@link DeliveryRecord}: its last delivery, its last dead letter, whether it is failing now). */
@org.springframework.stereotype.Component
public class OutputHealth {
    private final Map<String, DeliveryRecord> outputs = new ConcurrentHashMap<>();

    void delivered(String output, String source, Instant at, Duration took) {
        outputs.compute(
                output, (name, state) -> (state == null ? DeliveryRecord.NONE : state).delivered(source, at, took));
    }

    /** Recorded by the dead-letter channel. */
    void failed(DeadLetter letter) {
        DeliveryRecord.Failed failure = new DeliveryRecord.Failed(
                letter.sourceId(),
                letter.code(),
                letter.message(),
                letter.at(),
                letter.httpStatus(),
                letter.attempts());
        outputs.compute(
                letter.output(), (name, state) -> (state == null ? DeliveryRecord.NONE : state).failed(failure));
    }

    void forget(String output) {
        outputs.remove(output);
    }

    public DeliveryRecord of(String output) {
        return outputs.getOrDefault(output, DeliveryRecord.NONE);
    }
}
