package dev.socialticker.ticker.store;

import dev.socialticker.ticker.domain.SourceChanged;
import java.util.function.Consumer;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Publishes the store's changes on {@link StoreEndpoints#SOURCE_CHANGED}. The store calls it after
 * each write, outside the cache's atomic step, and never waits for the subscribers.
 */
@Component
public class SourceChanges {
    private static final Logger log = LoggerFactory.getLogger(SourceChanges.class);

    private final Consumer<SourceChanged> sink;

    @Autowired
    SourceChanges(ProducerTemplate producer) {
        this(change -> producer.sendBody(StoreEndpoints.SOURCE_CHANGED, change));
    }

    /** For a store used without Camel (tests): the changes go to {@code sink}. */
    public SourceChanges(Consumer<SourceChanged> sink) {
        this.sink = sink;
    }

    void publish(SourceChanged change) {
        try {
            sink.accept(change);
        } catch (RuntimeException notPublished) {
            // The write itself is made: the view renders on the next read (it follows the store's
            // version), the fleet resyncs within seconds; only this event's alert judgement is lost.
            log.warn(
                    "The change of source {} ({}) was stored but not announced: {}",
                    change.source().id(),
                    change.cause(),
                    notPublished.toString());
        }
    }
}
