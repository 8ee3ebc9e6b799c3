package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.domain.TickerSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * What may wait for a refresh thread: each source at most once. A trigger (timer tick, stale read,
 * admin) hands its list to {@code direct:refresh-sources}; only the sources the gate would admit now
 * and that are not already waiting go on, so overlapping triggers coalesce and the work waiting is
 * bounded by the number of sources, however many reads or ticks arrive. Nothing is created for a
 * source that is not due: the check is a map lookup, not an exchange.
 */
@Component
class RefreshQueue {
    private final RefreshGate gate;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    RefreshQueue(RefreshGate gate) {
        this.gate = gate;
    }

    /** The sources of this trigger that go on to a refresh thread, each now marked as waiting. */
    List<TickerSource> admit(
            @Body List<TickerSource> sources, @ExchangeProperty(RefreshHeaders.SCHEDULED) Boolean scheduled) {
        boolean timer = Boolean.TRUE.equals(scheduled);
        return sources.stream()
                .filter(source -> gate.wouldAdmit(source.id(), timer) && waiting.add(source.id()))
                .toList();
    }

    /** A refresh thread took the source: from now on the gate's single-flight holds it. */
    void taken(@Body TickerSource source) {
        waiting.remove(source.id());
    }

    /** Waiting for a refresh thread, or running. */
    boolean pending(String sourceId) {
        return waiting.contains(sourceId) || gate.inFlight(sourceId);
    }

    int waiting() {
        return waiting.size();
    }
}
