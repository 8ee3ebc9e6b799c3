package dev.socialticker.ticker.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One destination's queue and worker: an output's, an alert channel's. The queue keeps, per key, only
 * the newest parcel not sent yet (an output keys by source, so a newer state replaces the one waiting
 * and a destination that was slow or dead gets the newest value, never a backlog; a channel keys each
 * message apart, so none replaces another). The worker, one thread, sends them one at a time; a slow
 * or dead destination holds only its own worker, and offering never waits.
 *
 * <p>Retries are the worker's, with {@link RetryBackoff}'s waits: before each retry it looks whether a
 * newer parcel of the same key is waiting, and then sends that instead ({@code superseded}). After the
 * last retry the parcel is dead-lettered ({@link DeliveryDesk}: logged, counted, recorded for health);
 * a courier that {@link Route#keepsFailed keeps the failed} holds it aside until a newer parcel of its
 * key replaces it, or {@link #retryFailed} sends it again a minute later.
 *
 * <p>Not Camel's redelivery: that cannot look for a newer parcel between two attempts, and it would
 * hold one of a route's consumers for the whole of its waits.
 *
 * @param <P> what is delivered
 */
public final class Courier<P> {
    /** A dead-lettered parcel is sent again this long after it failed, when the courier keeps its failed. */
    public static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(Courier.class);

    /**
     * How one destination's parcels are delivered: what each is about, and one attempt.
     *
     * @param <P> what is delivered
     */
    public interface Handling<P> {
        /** Parcels of one key replace each other while they wait. */
        String key(P parcel);

        /** What it is about, for health and logs: a source's id, an alert's incident. */
        String about(P parcel);

        /** How the dead-letter line names it: {@code demo (count 16651)}, {@code ALERT demo/auth}. */
        String told(P parcel);

        /** The parcel as it is sent now (a body rendered from the newest state); null: nothing to send. */
        default P prepare(P parcel) {
            return parcel;
        }

        /** One attempt; null when the destination took it, what failed otherwise. */
        Throwable attempt(P parcel);

        /** Counted in an older alias besides {@code ticker_deliveries_total}; nothing by default. */
        default void counted(P parcel, DeliveryMeters.Outcome outcome) {}

        /** It left the queue: delivered, dead-lettered, superseded or with nothing to send. */
        default void finished(P parcel) {}
    }

    /**
     * Where the courier delivers and how it retries; changed while it runs when its file changes.
     *
     * @param keepsFailed whether a dead-lettered parcel is held aside and sent again later
     */
    public record Route(Destination destination, RetryBackoff backoff, boolean keepsFailed) {}

    private final DeliveryMeters.Kind kind;
    private final String name;
    private final Handling<P> handling;
    private final DeliveryDesk desk;
    private final Clock clock;
    private final ExecutorService thread;

    private volatile Route route;
    /** The newest parcel per key not sent yet, in the order keys first waited. */
    private final LinkedHashMap<String, P> pending = new LinkedHashMap<>();
    /** Dead-lettered parcels nothing newer replaced yet, by key. */
    private final Map<String, P> failed = new LinkedHashMap<>();
    /** When each of those failed. */
    private final Map<String, Instant> failedAt = new LinkedHashMap<>();

    private boolean draining;

    Courier(DeliveryMeters.Kind kind, String name, Route route, Handling<P> handling, DeliveryDesk desk, Clock clock) {
        this.kind = kind;
        this.name = name;
        this.route = route;
        this.handling = handling;
        this.desk = desk;
        this.clock = clock;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread worker = new Thread(task, kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + name);
            worker.setDaemon(true);
            return worker;
        });
    }

    public String name() {
        return name;
    }

    /** Its new destination and retries, for the parcels sent from now on. */
    public void reroute(Route changed) {
        route = changed;
    }

    /** Queues a parcel, replacing a waiting or held-aside one of its key; returns at once. */
    public synchronized void offer(P parcel) {
        String key = handling.key(parcel);
        P replaced = pending.remove(key);
        pending.put(key, parcel);
        P dropped = failed.remove(key);
        failedAt.remove(key);
        if (replaced != null) {
            handling.finished(replaced);
        }
        if (dropped != null) {
            handling.finished(dropped);
        }
        // Wakes a worker waiting to retry this key's older parcel: it sends this one instead.
        notifyAll();
        drainLater();
    }

    /** Whether a parcel of {@code key} waits, or is held aside after it failed. */
    public synchronized boolean holds(String key) {
        return pending.containsKey(key) || failed.containsKey(key);
    }

    /** Sends again what failed {@link #RETRY_FAILED_AFTER} ago or more and nothing newer replaced. */
    public synchronized void retryFailed() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Instant>> it = failedAt.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> entry = it.next();
            if (!entry.getValue().plus(RETRY_FAILED_AFTER).isAfter(now)) {
                P again = failed.remove(entry.getKey());
                it.remove();
                pending.putIfAbsent(entry.getKey(), again);
            }
        }
        if (!pending.isEmpty()) {
            drainLater();
        }
    }

    /** Parcels waiting. */
    public synchronized int pendingCount() {
        return pending.size();
    }

    /** Stops the worker; what waits is dropped (a stopping service, a destination removed). */
    public void stop() {
        thread.shutdownNow();
    }

    private void drainLater() {
        if (!draining) {
            draining = true;
            thread.execute(this::drain);
        }
    }

    private synchronized P next() {
        Iterator<P> first = pending.values().iterator();
        if (!first.hasNext()) {
            draining = false;
            return null;
        }
        P next = first.next();
        first.remove();
        return next;
    }

    private synchronized boolean superseded(P parcel) {
        return pending.containsKey(handling.key(parcel));
    }

    /** Waits before a retry; a newer parcel of the key ends the wait early. */
    private synchronized boolean waitToRetry(P parcel, Duration delay) throws InterruptedException {
        long until = System.nanoTime() + delay.toNanos();
        for (long left = delay.toNanos(); left > 0 && !superseded(parcel); left = until - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
        return !superseded(parcel);
    }

    private void drain() {
        try {
            for (P next = next(); next != null; next = next()) {
                deliver(next);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            log.error("The {} '{}': its worker failed; the next parcel restarts it", kind.noun(), name, unexpected);
            synchronized (this) {
                draining = false;
            }
        }
    }

    private void deliver(P queued) throws InterruptedException {
        P parcel = handling.prepare(queued);
        if (parcel == null) {
            log.debug("The {} '{}': nothing of {} to send now", kind.noun(), name, handling.about(queued));
            handling.finished(queued);
            return;
        }
        Route current = route;
        Throwable failure = null;
        int attempts = 0;
        for (int attempt = 0; attempt <= current.backoff().retries(); attempt++) {
            if (attempt > 0 && !waitToRetry(queued, current.backoff().delayBefore(attempt))) {
                count(queued, DeliveryMeters.Outcome.SUPERSEDED);
                handling.finished(queued);
                return;
            }
            attempts++;
            long started = System.nanoTime();
            failure = handling.attempt(parcel);
            if (failure == null) {
                desk.delivered(kind, name, handling.about(queued), Duration.ofNanos(System.nanoTime() - started));
                count(queued, DeliveryMeters.Outcome.DELIVERED);
                handling.finished(queued);
                return;
            }
            log.debug(
                    "The {} '{}': attempt {} for {} failed: {}",
                    kind.noun(),
                    name,
                    attempts,
                    handling.about(queued),
                    DeliveryFailures.of(failure, current.destination()).reason());
        }
        boolean kept = false;
        synchronized (this) {
            if (current.keepsFailed() && !pending.containsKey(handling.key(queued))) {
                failed.put(handling.key(queued), queued);
                failedAt.put(handling.key(queued), clock.instant());
                kept = true;
            }
        }
        count(queued, DeliveryMeters.Outcome.FAILED);
        desk.deadLetter(new DeadLetter(
                kind,
                name,
                handling.about(queued),
                handling.told(queued),
                DeliveryFailures.of(failure, current.destination()),
                clock.instant(),
                attempts));
        if (!kept) {
            handling.finished(queued);
        }
    }

    private void count(P parcel, DeliveryMeters.Outcome outcome) {
        desk.count(kind, name, outcome);
        handling.counted(parcel, outcome);
    }
}
