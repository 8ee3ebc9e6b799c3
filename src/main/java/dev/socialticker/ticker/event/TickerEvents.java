package dev.socialticker.ticker.event;

import dev.socialticker.ticker.domain.TickerEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Publishes events on the hub ({@link EventEndpoints#HUB}): the one way a feature tells the others.
 * Called outside any atomic step of the publisher. An event the hub cannot take even after its
 * back-pressure is counted in {@value #DROPPED}, tagged with the event's name, and logged: what it
 * costs is said in the log line, and the publishers are written so that a later event or the next
 * clock tick makes up for it (a subscriber's read model takes the newest state of a source).
 */
@Component
public class TickerEvents {
    /** Micrometer name of the counter of events the hub could not take. */
    public static final String DROPPED = "ticker.events.dropped";

    private static final Logger log = LoggerFactory.getLogger(TickerEvents.class);

    private final Consumer<TickerEvent> hub;
    private final MeterRegistry meters;
    private final AtomicLong published = new AtomicLong();

    @Autowired
    TickerEvents(ProducerTemplate producer, MeterRegistry meters) {
        this(producer, EventEndpoints.HUB, meters);
    }

    /** Publishes on {@code uri}: the hub, or a smaller one to observe it full (tests). */
    TickerEvents(ProducerTemplate producer, String uri, MeterRegistry meters) {
        this(event -> producer.sendBody(uri, event), meters);
    }

    /** For a publisher used without Camel (tests): the events go to {@code hub}. */
    public TickerEvents(Consumer<TickerEvent> hub, MeterRegistry meters) {
        this.hub = hub;
        this.meters = meters;
    }

    /**
     * How many events the hub has taken so far. A subscriber that must answer with everything written
     * before a request (the API's view) counts what it received and waits until it has this many.
     */
    public long published() {
        return published.get();
    }

    public void publish(TickerEvent event) {
        try {
            hub.accept(event);
            published.incrementAndGet();
        } catch (RuntimeException notTaken) {
            Counter dropped = Counter.builder(DROPPED)
                    .description("Events the hub could not take after waiting for room; each is logged")
                    .tag("event", event.name())
                    .register(meters);
            dropped.increment();
            log.warn(
                    "The hub did not take a {} ({}), dropped after waiting for room: a subscriber is far behind"
                            + " ({}). {} {} event(s) dropped so far (ticker_events_dropped_total)",
                    event.name(),
                    event.subject(),
                    notTaken.getClass().getSimpleName(),
                    (long) dropped.count(),
                    event.name());
        }
    }
}
