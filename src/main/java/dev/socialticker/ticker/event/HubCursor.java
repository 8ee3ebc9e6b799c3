package dev.socialticker.ticker.event;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How far one subscriber has read the hub, for a subscriber that answers with everything written
 * before a moment (the API's view at a read, the alerts at their check): its route counts each
 * event once handled ({@link #received}), and {@link #catchUp} waits until it has as many as the
 * hub had taken when the wait began. Every subscriber's route gets every event, so the counts meet.
 *
 * <p>A cursor can follow numbered answers instead ({@link #follows}): the view counts the history's
 * reports of changes ({@code SourceReported#ordinal}) against the changes the hub took. An answer
 * the hub could not take (counted and logged as dropped) is waited for once: the caller that gave up
 * on it moves the cursor past it, so no later one waits for it again.
 */
public final class HubCursor {
    private final LongSupplier published;
    private final boolean numbered;
    /** Written under the monitor, read without it on the fast path (a caught-up read takes no lock). */
    private volatile long received;

    private HubCursor(LongSupplier published, boolean numbered) {
        this.published = published;
        this.numbered = numbered;
    }

    /** A cursor over every event the hub takes, counted by the subscriber's route. */
    public HubCursor(TickerEvents events) {
        this(events::published, false);
    }

    /** A cursor over numbered answers to what {@code published} counts ({@link #answered}). */
    public static HubCursor follows(LongSupplier published) {
        return new HubCursor(published, true);
    }

    /** One more event handled by the subscriber. */
    public synchronized void received() {
        received++;
        notifyAll();
    }

    /** The answer numbered {@code ordinal} handled: every one up to it is, or will never come. */
    public synchronized void answered(long ordinal) {
        if (ordinal > received) {
            received = ordinal;
            notifyAll();
        }
    }

    /** Whether the subscriber has handled every event the hub took so far: a read, no lock. */
    public boolean caughtUp() {
        return received >= published.getAsLong();
    }

    /**
     * Waits until the subscriber has handled every event the hub took before now, or {@code patience}
     * ran out (a hub held up by a slow subscriber never holds up the caller for long).
     */
    public void catchUp(Duration patience) {
        catchUpBy(System.nanoTime() + patience.toNanos());
    }

    /** {@link #catchUp} with a deadline in {@link System#nanoTime()}'s terms, for waits that share one. */
    public void catchUpBy(long deadline) {
        long target = published.getAsLong();
        if (received >= target) {
            return; // the usual case: every read and check passes here without a lock
        }
        synchronized (this) {
            while (received < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    if (numbered) {
                        answered(target); // an answer lost to a full hub is waited for once
                    }
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
