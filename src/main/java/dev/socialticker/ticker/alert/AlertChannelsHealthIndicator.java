package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.delivery.DeliveryRecord;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code /actuator/health} component {@code alertChannels}: each configured channel's record
 * ({@link DeliveryRecord}, the outputs' shape: its last delivery, its last failure with its reason in
 * {@code delivery.DeliveryFailures}' words). {@value #DEGRADED} while a
 * channel's latest message failed, with the channel and reason in the status description, which the
 * endpoint shows even to callers who may not see details (a reason names a host, a port, an SMTP
 * code and a domain, never a secret). Not DOWN: the service still serves and refreshes; what is lost
 * is being told when it does not. The next message sent marks the channel {@code recovered}, its
 * last failure kept for the record. The bean {@code alertChannels} of {@link AlertConfiguration}.
 */
class AlertChannelsHealthIndicator extends AbstractHealthIndicator {
    /** Ordered between DOWN and UP by {@code management.endpoint.health.status.order}, answered 200. */
    static final String DEGRADED = "DEGRADED";

    private final Map<String, DeliveryRecord> channels = new ConcurrentHashMap<>();
    private final String[] configured;

    AlertChannelsHealthIndicator(AlertProperties alerts) {
        super("Alert channels could not be checked");
        configured = alerts.slack().enabled() && alerts.email().enabled()
                ? new String[] {"slack", "email"}
                : alerts.slack().enabled()
                        ? new String[] {"slack"}
                        : alerts.email().enabled() ? new String[] {"email"} : new String[0];
    }

    /** A message about {@code incident} was sent. */
    void sent(String channel, String incident, Instant at) {
        channels.compute(
                channel, (name, state) -> (state == null ? DeliveryRecord.NONE : state).delivered(incident, at, null));
    }

    void failed(String channel, DeliveryRecord.Failed failure) {
        channels.compute(channel, (name, state) -> (state == null ? DeliveryRecord.NONE : state).failed(failure));
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (configured.length == 0) {
            builder.up().withDetail("channels", "none (alerts are off)");
            return;
        }
        StringJoiner failing = new StringJoiner(" | ");
        for (String channel : configured) {
            DeliveryRecord state = channels.getOrDefault(channel, DeliveryRecord.NONE);
            builder.withDetail(channel, state.details());
            if (state.failing()) {
                failing.add(channel + ": " + state.summary());
            }
        }
        if (failing.length() == 0) {
            builder.up();
        } else {
            builder.status(new Status(DEGRADED, failing.toString()));
        }
    }
}
