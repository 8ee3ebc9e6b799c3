package dev.socialticker.ticker.event;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How far one subscriber has read the hub, for a subscriber that answers with everything written
 * before a moment (the API's view at a read, the alerts at their check): its route counts each
 * event once handled ({@link #received}), and {@link #catchUp} waits until it has as many as the
 * hub had taken when the wait began. Every subscriber's route gets every event, so the counts meet.
 */
public final class HubCursor {
    private final TickerEvents events;
    /** Written under the monitor, read without it on the fast path (a caught-up read takes no lock). */
    private volatile long received;

    public HubCursor(TickerEvents events) {
        this.events = events;
    }

    /** One more event handled by the subscriber. */
    public synchronized void received() {
        received++;
        notifyAll();
    }

    /**
     * Waits until the subscriber has handled every event the hub took before now, or {@code patience}
     * ran out (a hub held up by a slow subscriber never holds up the caller for long).
     */
    public void catchUp(Duration patience) {
        long published = events.published();
        if (received >= published) {
            return; // the usual case: every read and check passes here without a lock
        }
        synchronized (this) {
            long deadline = System.nanoTime() + patience.toNanos();
            while (received < published) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
