package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.delivery.Courier;
import dev.socialticker.ticker.delivery.DeliveryDesk;
import dev.socialticker.ticker.delivery.DeliveryMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The alert channels that run, each with its {@link Courier}: one queue and one worker per channel, the
 * delivery machinery the outputs use too, so a channel being retried holds up only its own messages.
 * A message goes to every channel its rule speaks on ({@code ticker.alerts.rules.<rule>.channels}); it
 * is done, and leaves the outbox, once every one of them took it or gave it up (logged, counted and
 * shown by health through the one dead-letter channel). Each message is its own parcel: none replaces
 * another, and one given up is not sent again later (the next message about the incident is).
 * Counted in {@code ticker_deliveries_total{kind="channel",destination,outcome}} and, for one release,
 * in its older alias {@code ticker_alerts_total{channel,rule,outcome}}.
 */
@Component
public class Channels {
    private static final Logger log = LoggerFactory.getLogger(Channels.class);

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicLong numbered = new AtomicLong();
    private final DeliveryDesk desk;
    private final ProducerTemplate producer;
    private final MeterRegistry meters;
    private final AlertProperties settings;

    Channels(DeliveryDesk desk, ProducerTemplate producer, MeterRegistry meters, AlertProperties settings) {
        this.desk = desk;
        this.producer = producer;
        this.meters = meters;
        this.settings = settings;
    }

    /** One message on its way: done once every channel it went to is done with it. */
    private record Parcel(long number, Alert alert, AtomicInteger left, Runnable done) {
        void finished() {
            if (left.decrementAndGet() == 0) {
                done.run();
            }
        }
    }

    /** Starts a channel's worker, or gives a running one its new parameters. */
    void run(ChannelSpec spec) {
        channels.compute(spec.name(), (name, channel) -> {
            if (channel == null) {
                for (AlertRule rule : AlertRule.values()) {
                    alias(name, rule, "sent");
                    alias(name, rule, "failed");
                }
                return new Channel(spec);
            }
            channel.spec = spec;
            channel.courier.reroute(route(spec));
            return channel;
        });
    }

    void stop(String name) {
        Channel channel = channels.remove(name);
        if (channel != null) {
            channel.courier.stop();
        }
        desk.forget(DeliveryMeters.Kind.CHANNEL, name);
    }

    /** Whether any channel runs: alerts are judged only then. */
    public boolean any() {
        return !channels.isEmpty();
    }

    /** The channels that run, by name. */
    public Map<String, ChannelSpec> running() {
        Map<String, ChannelSpec> running = new TreeMap<>();
        channels.forEach((name, channel) -> running.put(name, channel.spec));
        return running;
    }

    /** The running channel's parameters, for its route template's step. */
    public Optional<ChannelSpec> spec(String name) {
        return Optional.ofNullable(channels.get(name)).map(channel -> channel.spec);
    }

    /**
     * Queues the message on every channel its rule speaks on; {@code done} runs once each is done with
     * it (at once when none speaks). Returns at once.
     */
    void deliver(Alert alert, Runnable done) {
        List<Channel> speaking = channels.values().stream()
                .filter(channel -> settings.speaksOn(alert.rule(), channel.spec.name()))
                .toList();
        if (speaking.isEmpty()) {
            done.run();
            return;
        }
        Parcel parcel = new Parcel(numbered.incrementAndGet(), alert, new AtomicInteger(speaking.size()), done);
        speaking.forEach(channel -> channel.courier.offer(parcel));
    }

    /** Messages waiting per channel, for health. */
    int pending(String name) {
        Channel channel = channels.get(name);
        return channel == null ? 0 : channel.courier.pendingCount();
    }

    @PreDestroy
    void stopAll() {
        channels.values().forEach(channel -> channel.courier.stop());
    }

    private static Courier.Route route(ChannelSpec spec) {
        return new Courier.Route(spec.destination(), spec.backoff(), false);
    }

    /** The older alias {@code ticker_alerts_total{channel,rule,outcome}} (sent, failed), for one release. */
    private Counter alias(String channel, AlertRule rule, String outcome) {
        return Counter.builder("ticker.alerts")
                .tag("channel", channel)
                .tag("rule", rule.key())
                .tag("outcome", outcome)
                .description("Alert messages by channel, rule and outcome (sent, failed)")
                .register(meters);
    }

    private final class Channel implements Courier.Handling<Parcel> {
        private volatile ChannelSpec spec;
        private final Courier<Parcel> courier;

        Channel(ChannelSpec spec) {
            this.spec = spec;
            this.courier = desk.courier(DeliveryMeters.Kind.CHANNEL, spec.name(), route(spec), this);
        }

        @Override
        public String key(Parcel parcel) {
            return Long.toString(parcel.number());
        }

        @Override
        public String about(Parcel parcel) {
            return parcel.alert().incidentKey();
        }

        @Override
        public String told(Parcel parcel) {
            return parcel.alert().kind() + " " + parcel.alert().incidentKey();
        }

        @Override
        public Throwable attempt(Parcel parcel) {
            return producer.send(
                            ChannelEndpoints.of(spec.name()),
                            exchange -> exchange.getIn().setBody(parcel.alert()))
                    .getException();
        }

        @Override
        public void counted(Parcel parcel, DeliveryMeters.Outcome outcome) {
            Alert alert = parcel.alert();
            if (outcome == DeliveryMeters.Outcome.DELIVERED) {
                log.info(
                        "Alert sent via {}: {} {} ({})",
                        spec.name(),
                        alert.kind(),
                        alert.incidentKey(),
                        alert.observed());
            }
            alias(spec.name(), alert.rule(), outcome == DeliveryMeters.Outcome.DELIVERED ? "sent" : "failed")
                    .increment();
        }

        @Override
        public void finished(Parcel parcel) {
            parcel.finished();
        }
    }
}
