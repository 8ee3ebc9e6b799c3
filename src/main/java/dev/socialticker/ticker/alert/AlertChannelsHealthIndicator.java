package dev.socialticker.ticker.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code /actuator/health} component {@code alertChannels}: each configured channel's last delivery
 * and last failure, with its reason ({@code delivery.DeliveryFailures}). {@value #DEGRADED} while a
 * channel's latest message failed, with the channel and reason in the status description, which the
 * endpoint shows even to callers who may not see details (a reason names a host, a port, an SMTP
 * code and a domain, never a secret). Not DOWN: the service still serves and refreshes; what is lost
 * is being told when it does not. The next message sent marks the channel {@code recovered}, its
 * last failure kept for the record. The bean {@code alertChannels} of {@link AlertConfiguration}.
 */
class AlertChannelsHealthIndicator extends AbstractHealthIndicator {
    /** Ordered between DOWN and UP by {@code management.endpoint.health.status.order}, answered 200. */
    static final String DEGRADED = "DEGRADED";

    private final Map<String, ChannelState> channels = new ConcurrentHashMap<>();
    private final String[] configured;

    AlertChannelsHealthIndicator(AlertProperties alerts) {
        super("Alert channels could not be checked");
        configured = alerts.slack().enabled() && alerts.email().enabled()
                ? new String[] {"slack", "email"}
                : alerts.slack().enabled()
                        ? new String[] {"slack"}
                        : alerts.email().enabled() ? new String[] {"email"} : new String[0];
    }

    void sent(String channel, Instant at) {
        channels.compute(channel, (name, state) -> (state == null ? ChannelState.NONE : state).sent(at));
    }

    void failed(String channel, String reason, Instant at) {
        channels.compute(channel, (name, state) -> (state == null ? ChannelState.NONE : state).failed(reason, at));
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (configured.length == 0) {
            builder.up().withDetail("channels", "none (alerts are off)");
            return;
        }
        StringJoiner failing = new StringJoiner(" | ");
        for (String channel : configured) {
            ChannelState state = channels.getOrDefault(channel, ChannelState.NONE);
            builder.withDetail(channel, state.details());
            if (state.failing()) {
                failing.add(channel + ": " + state.lastFailure() + " (last failed at " + state.lastFailureAt() + ")");
            }
        }
        if (failing.length() == 0) {
            builder.up();
        } else {
            builder.status(new Status(DEGRADED, failing.toString()));
        }
    }

    /** What a channel did last; {@code failing} when its latest message failed. */
    private record ChannelState(Instant lastSentAt, String lastFailure, Instant lastFailureAt, boolean failing) {
        static final ChannelState NONE = new ChannelState(null, null, null, false);

        ChannelState sent(Instant at) {
            return new ChannelState(at, lastFailure, lastFailureAt, false);
        }

        ChannelState failed(String reason, Instant at) {
            return new ChannelState(lastSentAt, reason, at, true);
        }

        Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put(
                    "state",
                    failing
                            ? "failing"
                            : lastFailure != null
                                    ? "recovered"
                                    : lastSentAt != null ? "delivering" : "no alert sent yet");
            if (lastSentAt != null) {
                details.put("lastSentAt", lastSentAt.toString());
            }
            if (lastFailure != null) {
                details.put("lastFailure", lastFailure);
                details.put("lastFailureAt", lastFailureAt.toString());
            }
            return details;
        }
    }
}
