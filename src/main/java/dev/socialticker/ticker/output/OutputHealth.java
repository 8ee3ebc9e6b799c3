package dev.socialticker.ticker.output;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What each output did last: its last delivery, its last dead letter, and whether it is failing now. */
@org.springframework.stereotype.Component
public class OutputHealth {
    /** One output's record; {@code failing} while its latest push was dead-lettered. */
    public record State(
            Instant lastDeliveredAt,
            String lastDeliveredSource,
            Duration lastTook,
            DeadLetter lastFailure,
            boolean failing) {
        static final State NONE = new State(null, null, null, null, false);

        Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put(
                    "state",
                    failing
                            ? "failing"
                            : lastFailure != null
                                    ? "recovered"
                                    : lastDeliveredAt != null ? "delivering" : "nothing pushed yet");
            if (lastDeliveredAt != null) {
                details.put("lastDeliveredAt", lastDeliveredAt.toString());
                details.put("lastDeliveredSource", lastDeliveredSource);
                details.put("lastTookMillis", lastTook.toMillis());
            }
            if (lastFailure != null) {
                Map<String, Object> failure = new LinkedHashMap<>();
                failure.put("source", lastFailure.sourceId());
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
    }

    private final Map<String, State> outputs = new ConcurrentHashMap<>();

    void delivered(String output, String source, Instant at, Duration took) {
        outputs.compute(output, (name, state) -> {
            State before = state == null ? State.NONE : state;
            return new State(at, source, took, before.lastFailure(), false);
        });
    }

    /** Recorded by the dead-letter channel. */
    void failed(DeadLetter letter) {
        outputs.compute(letter.output(), (name, state) -> {
            State before = state == null ? State.NONE : state;
            return new State(before.lastDeliveredAt(), before.lastDeliveredSource(), before.lastTook(), letter, true);
        });
    }

    void forget(String output) {
        outputs.remove(output);
    }

    public State of(String output) {
        return outputs.getOrDefault(output, State.NONE);
    }
}
