package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.domain.TickerSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Stale reads asking for a refresh of the stale sources they read, coalesced: a read costs a clock
 * read, a map lookup and at most one compare-and-set, whatever the number of sources or reads. While one request is waiting or being
 * handled ({@code refresh-wanted}), further reads add nothing; after it, reads stay quiet until the
 * earliest moment one of the stale sources could be fetched again (min-interval, or the wait an
 * upstream named), so an outage under read load asks the refresher about once per min-interval.
 */
@Component
public class RefreshDemand {
    private final Clock clock;
    private final RefreshQueue queue;
    private final RefreshGate gate;
    private final long minIntervalMillis;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** For reads of the whole body (several stale sources). */
    private volatile long quietUntilMillis;
    /** For reads of one source; at most one entry per configured source. */
    private final Map<String, Long> quietUntilBySource = new ConcurrentHashMap<>();

    RefreshDemand(Clock clock, RefreshQueue queue, RefreshGate gate, RefreshSchedule schedule) {
        this.clock = clock;
        this.queue = queue;
        this.gate = gate;
        this.minIntervalMillis = schedule.minInterval().toMillis();
    }

    /**
     * Whether this stale read should send its request for {@code stale} (the stale sources of the
     * body it read: all of them, or the one it asked for): true for one read at a time, and not
     * while those sources are known not to be due.
     */
    public boolean claim(List<TickerSource> stale) {
        long quietUntil =
                stale.size() == 1 ? quietUntilBySource.getOrDefault(stale.get(0).id(), 0L) : quietUntilMillis;
        return clock.millis() >= quietUntil && pending.compareAndSet(false, true);
    }

    /** The refresher took the request: the next stale read may ask again (unless quiet). */
    void taken() {
        pending.set(false);
    }

    /**
     * After the request's refreshes: each of its sources quiet until it could be fetched again,
     * and reads of the whole body until the first of them could.
     */
    void settled(@ExchangeProperty(RefreshHeaders.STALE_SOURCES) List<TickerSource> stale) {
        long now = clock.millis();
        long next = Long.MAX_VALUE;
        for (TickerSource source : stale) {
            long at = queue.pending(source.id())
                    ? now + minIntervalMillis
                    : gate.nextAttemptAt(source.id()).toEpochMilli();
            quietUntilBySource.put(source.id(), at);
            next = Math.min(next, at);
        }
        if (stale.size() > 1) {
            quietUntilMillis = next;
        }
    }
}
