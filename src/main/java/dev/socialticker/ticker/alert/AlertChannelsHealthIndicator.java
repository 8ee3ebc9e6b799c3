package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.delivery.DeliveryDesk;
import dev.socialticker.ticker.delivery.DeliveryMeters;
import dev.socialticker.ticker.delivery.DeliveryRecord;
import dev.socialticker.ticker.routefile.RouteFilesHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code alertChannels}: each channel's template, where it was read
 * from, its record ({@link DeliveryRecord}, the outputs' shape: its last delivery, its last failure with
 * its reason in {@code delivery.DeliveryFailures}' words) and the messages waiting. {@value #DEGRADED}
 * while a channel file is refused or a channel's latest message failed, with the file or channel and
 * the reason in the status description, which the endpoint shows even to callers who may not see
 * details (a reason names a host, a port, an SMTP code and a domain, never a secret). Not DOWN: the
 * service still serves and refreshes; what is lost is being told when it does not. The next message
 * delivered marks the channel {@code recovered}, its last failure kept for the record.
 */
@Component("alertChannels")
class AlertChannelsHealthIndicator extends AbstractHealthIndicator {
    /** Ordered between DOWN and UP by {@code management.endpoint.health.status.order}, answered 200. */
    static final String DEGRADED = "DEGRADED";

    private final ChannelCatalog catalog;
    private final Channels channels;
    private final DeliveryDesk desk;

    AlertChannelsHealthIndicator(ChannelCatalog catalog, Channels channels, DeliveryDesk desk) {
        super("Alert channels could not be checked");
        this.catalog = catalog;
        this.channels = channels;
        this.desk = desk;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (catalog.loaded().isEmpty() && catalog.broken().isEmpty()) {
            builder.up().withDetail("channels", "none (alerts are off)");
            return;
        }
        RouteFilesHealth.report(
                builder,
                catalog,
                channel -> {
                    String name = channel.spec().name();
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("template", channel.spec().template());
                    details.put("from", channel.location());
                    details.putAll(
                            desk.record(DeliveryMeters.Kind.CHANNEL, name).details());
                    details.put("pending", channels.pending(name));
                    return details;
                },
                new Status(DEGRADED));
        if (!catalog.broken().isEmpty()) {
            return;
        }
        StringJoiner failing = new StringJoiner(" | ");
        catalog.loaded().keySet().forEach(name -> {
            DeliveryRecord state = desk.record(DeliveryMeters.Kind.CHANNEL, name);
            if (state.failing()) {
                failing.add(name + ": " + state.summary());
            }
        });
        if (failing.length() > 0) {
            builder.status(new Status(DEGRADED, failing.toString()));
        }
    }
}
