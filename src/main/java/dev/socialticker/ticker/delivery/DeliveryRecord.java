package dev.socialticker.ticker.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one destination (an output, an alert channel) did last: the one shape of their records under
 * {@code /actuator/health}. {@code failing} while its latest delivery failed for good; the next one
 * delivered marks it recovered, its last failure kept for the record.
 *
 * @param lastDeliveredAt when it last took a delivery
 * @param lastDelivered   what that was about: a source's id (an output), an alert's incident
 * @param lastTook        how long that took; null when not measured
 * @param lastFailure     its last failure for good, or null
 */
public record DeliveryRecord(
        Instant lastDeliveredAt, String lastDelivered, Duration lastTook, Failed lastFailure, boolean failing) {

    public static final DeliveryRecord NONE = new DeliveryRecord(null, null, null, null, false);

    /** Where a destination stands, judged once for the health components and the status console. */
    public enum State {
        /** Its latest delivery failed for good. */
        FAILING("failing"),
        /** Delivering again after a failure, which is kept for the record. */
        RECOVERED("recovered"),
        DELIVERING("delivering"),
        /** Nothing was sent to it yet. */
        IDLE("nothing delivered yet");

        private final String words;

        State(String words) {
            this.words = words;
        }

        /** How {@code /actuator/health} says it. */
        public String words() {
            return words;
        }
    }

    /**
     * A delivery given up after its retries.
     *
     * @param about    what it was about: a source's id, an alert's incident
     * @param code     {@link DeliveryFailure.Code}'s name
     * @param message  why, in {@link DeliveryFailures}' words
     * @param attempts the calls made
     */
    public record Failed(String about, String code, String message, Instant at, Integer httpStatus, int attempts) {

        public static Failed of(String about, DeliveryFailure failure, Instant at, int attempts) {
            return new Failed(about, failure.code().name(), failure.reason(), at, failure.httpStatus(), attempts);
        }
    }

    public DeliveryRecord delivered(String what, Instant at, Duration took) {
        return new DeliveryRecord(at, what, took, lastFailure, false);
    }

    public DeliveryRecord failed(Failed failure) {
        return new DeliveryRecord(lastDeliveredAt, lastDelivered, lastTook, failure, true);
    }

    public State state() {
        if (failing) {
            return State.FAILING;
        }
        if (lastFailure != null) {
            return State.RECOVERED;
        }
        return lastDeliveredAt != null ? State.DELIVERING : State.IDLE;
    }

    /** The record's details: {@code state}, the last delivery and the last failure. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state().words());
        if (lastDeliveredAt != null) {
            details.put("lastDeliveredAt", lastDeliveredAt.toString());
            details.put("lastDelivered", lastDelivered);
            if (lastTook != null) {
                details.put("lastTookMillis", lastTook.toMillis());
            }
        }
        if (lastFailure != null) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("about", lastFailure.about());
            failure.put("code", lastFailure.code());
            failure.put("message", lastFailure.message());
            failure.put("at", lastFailure.at().toString());
            if (lastFailure.httpStatus() != null) {
                failure.put("httpStatus", lastFailure.httpStatus());
            }
            failure.put("attempts", lastFailure.attempts());
            details.put("lastFailure", failure);
        }
        return details;
    }

    /** A failing destination in a status description: {@code CODE, message (N attempts, last at T)}. */
    public String summary() {
        return lastFailure.code() + ", " + lastFailure.message() + " (" + lastFailure.attempts() + " attempts, last at "
                + lastFailure.at() + ")";
    }
}
