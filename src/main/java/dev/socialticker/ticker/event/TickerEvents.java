package dev.socialticker.ticker.event;

import dev.socialticker.ticker.domain.SourceChanged;
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
 * A publisher calls it once its own write is made (the store outside the cache's atomic step). An
 * event the hub cannot take even after its back-pressure is counted in {@value #DROPPED}, tagged
 * with the event's name, and logged. The next change of the same source makes up for a dropped
 * change (every read model keeps the newest state of a source), the store's clock tries a dropped
 * "turned stale" again at its next tick; a dropped milestone is not celebrated.
 */
@Component
public class TickerEvents {
    /** Micrometer name of the counter of events the hub could not take. */
    public static final String DROPPED = "ticker.events.dropped";

    private static final Logger log = LoggerFactory.getLogger(TickerEvents.class);

    private final Consumer<TickerEvent> hub;
    private final MeterRegistry meters;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();

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
        // Each event's series from the start, at 0: a healthy service shows zero, not nothing.
        for (Class<?> kind : TickerEvent.class.getPermittedSubclasses()) {
            dropped(kind.getSimpleName());
        }
    }

    /**
     * How many events the hub has taken so far. A subscriber that must answer with everything written
     * before a request (the API's view) counts what it received and waits until it has this many.
     */
    public long published() {
        return published.get();
    }

    /**
     * How many {@link SourceChanged} the hub has taken so far: the history reports each once
     * ({@code SourceReported#ordinal}), and the API's view waits for the reports of these.
     */
    public long changesPublished() {
        return changes.get();
    }

    /** @return true when the hub took the event; false when it was dropped (counted and logged) */
    public boolean publish(TickerEvent event) {
        try {
            hub.accept(event);
            if (event instanceof SourceChanged) {
                changes.incrementAndGet();
            }
            published.incrementAndGet();
            return true;
        } catch (RuntimeException notTaken) {
            Counter dropped = dropped(event.name());
            dropped.increment();
            log.warn(
                    "The hub did not take a {} ({}), dropped after waiting for room: a subscriber is far behind"
                            + " ({}). {} {} event(s) dropped so far (ticker_events_dropped_total)",
                    event.name(),
                    event.subject(),
                    notTaken.getClass().getSimpleName(),
                    (long) dropped.count(),
                    event.name());
            return false;
        }
    }

    private Counter dropped(String event) {
        return Counter.builder(DROPPED)
                .description("Events the hub could not take after waiting for room; each is logged")
                .tag("event", event)
                .register(meters);
    }
}
