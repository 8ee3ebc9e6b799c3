package dev.socialticker.ticker.output;

import dev.socialticker.ticker.delivery.DeliveryFailure;
import dev.socialticker.ticker.delivery.DeliveryFailures;
import dev.socialticker.ticker.delivery.DeliveryMeters;
import dev.socialticker.ticker.delivery.RetryBackoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each output's queue and worker. A queue keeps, per source, only the newest push not sent yet:
 * a newer state replaces the one waiting, so an output that was slow or dead gets the newest value
 * when it answers again, never a backlog, and the queue never holds more than one push per source.
 * The worker (one thread per output) sends them one at a time through the output's route; so a slow
 * or dead output holds only its own worker: offering never waits, whoever offers (the change
 * subscriber, never a refresh thread).
 *
 * <p>Retries are the worker's, not Camel's redelivery: before each retry it looks whether a newer
 * state of the same source is waiting, and then sends that instead of retrying the old one. After the
 * last retry the push goes to the dead-letter channel ({@link OutputEndpoints#DEAD_LETTER}) and is kept
 * aside: the next change of that source replaces it, or the next tick past a minute sends it again.
 * Counted in {@code ticker_deliveries_total{kind="output",destination,outcome}}: delivered, failed,
 * superseded (and, for one release, in its older alias {@code ticker_outputs_total{output,outcome}}).
 */
@Component
public class OutputQueues {
    static final Duration RETRY_LATER = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(OutputQueues.class);

    private final Map<String, Worker> workers = new ConcurrentHashMap<>();
    private final ProducerTemplate producer;
    private final SourceBodies bodies;
    private final OutputHealth health;
    private final MeterRegistry meters;
    private final DeliveryMeters deliveries;
    private final Clock clock;

    OutputQueues(
            ProducerTemplate producer, SourceBodies bodies, OutputHealth health, MeterRegistry meters, Clock clock) {
        this.deliveries = new DeliveryMeters(meters);
        this.producer = producer;
        this.bodies = bodies;
        this.health = health;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Starts an output's worker, or gives a running one its new parameters. Either way it is owed every
     * source's current state ({@link #catchUp}): a new output, or one pointed elsewhere, starts with the
     * counts as they are instead of waiting for the next change.
     */
    void run(OutputSpec spec) {
        workers.compute(spec.name(), (name, worker) -> {
            if (worker == null) {
                deliveries.register(DeliveryMeters.Kind.OUTPUT, spec.name());
                return new Worker(spec);
            }
            worker.respecify(spec);
            return worker;
        });
    }

    void stop(String name) {
        Worker worker = workers.remove(name);
        if (worker != null) {
            worker.thread.shutdownNow();
        }
        health.forget(name);
    }

    /** Queues a push for every output that wants the source; returns at once. */
    void offer(Delivery delivery) {
        workers.values().forEach(worker -> {
            if (worker.spec.wants(delivery)) {
                worker.offer(delivery);
            }
        });
    }

    /**
     * Gives each output what it is owed of {@code current} (every source's latest state): all of it to
     * an output started or changed since the last call, and, to an output that repeats, each source
     * not offered for its {@code repeat}.
     */
    void catchUp(Collection<Delivery> current, Instant now) {
        workers.values().forEach(worker -> worker.catchUp(current, now));
    }

    /** Sends again the pushes dead-lettered a minute ago or more that nothing newer replaced. */
    void retryLater() {
        Instant now = clock.instant();
        workers.values().forEach(worker -> worker.retryLater(now));
    }

    /** Pushes waiting per output, for health. */
    Map<String, Integer> pending() {
        Map<String, Integer> pending = new LinkedHashMap<>();
        workers.forEach((name, worker) -> pending.put(name, worker.pendingCount()));
        return pending;
    }

    @PreDestroy
    void stopAll() {
        workers.values().forEach(worker -> worker.thread.shutdownNow());
    }

    /** Counted in the one delivery metric, and in its older alias {@code ticker_outputs_total}. */
    private void count(String output, DeliveryMeters.Outcome outcome) {
        deliveries.count(DeliveryMeters.Kind.OUTPUT, output, outcome);
        Counter.builder("ticker.outputs")
                .description("Pushes to outputs by output and outcome (delivered, failed, superseded)")
                .tag("output", output)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(meters)
                .increment();
    }

    private final class Worker {
        private volatile OutputSpec spec;
        private final ExecutorService thread;
        /** The newest push per source not sent yet, in the order sources first waited. */
        private final LinkedHashMap<String, Delivery> pending = new LinkedHashMap<>();
        /** Dead-lettered pushes nothing newer replaced yet, with when they failed. */
        private final Map<String, Instant> failedAt = new LinkedHashMap<>();

        private final Map<String, Delivery> failed = new LinkedHashMap<>();
        /**
         * When each source was last offered: what {@code repeat} counts from. A source not in it was
         * never offered to this output (new, or its parameters changed): it is owed its current state.
         */
        private final Map<String, Instant> offeredAt = new HashMap<>();

        private boolean draining;

        Worker(OutputSpec spec) {
            this.spec = spec;
            this.thread = Executors.newSingleThreadExecutor(task -> {
                Thread worker = new Thread(task, "output-" + spec.name());
                worker.setDaemon(true);
                return worker;
            });
        }

        synchronized void respecify(OutputSpec changed) {
            spec = changed;
            offeredAt.clear();
        }

        synchronized void catchUp(Collection<Delivery> current, Instant now) {
            Duration repeat = spec.repeat();
            for (Delivery delivery : current) {
                String id = delivery.sourceId();
                if (!spec.wants(delivery) || pending.containsKey(id) || failed.containsKey(id)) {
                    continue;
                }
                Instant last = offeredAt.get(id);
                if (last == null || (!repeat.isZero() && !last.plus(repeat).isAfter(now))) {
                    offer(delivery, now);
                }
            }
        }

        synchronized void offer(Delivery delivery) {
            offer(delivery, clock.instant());
        }

        private synchronized void offer(Delivery delivery, Instant now) {
            offeredAt.put(delivery.sourceId(), now);
            pending.remove(delivery.sourceId());
            pending.put(delivery.sourceId(), delivery);
            failed.remove(delivery.sourceId());
            failedAt.remove(delivery.sourceId());
            // Wakes a worker waiting to retry this source's older state: it sends this one instead.
            notifyAll();
            if (!draining) {
                draining = true;
                thread.execute(this::drain);
            }
        }

        synchronized void retryLater(Instant now) {
            for (Iterator<Map.Entry<String, Instant>> it = failedAt.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Instant> entry = it.next();
                if (!entry.getValue().plus(RETRY_LATER).isAfter(now)) {
                    Delivery again = failed.remove(entry.getKey());
                    it.remove();
                    pending.putIfAbsent(entry.getKey(), again);
                }
            }
            if (!pending.isEmpty() && !draining) {
                draining = true;
                thread.execute(this::drain);
            }
        }

        synchronized int pendingCount() {
            return pending.size();
        }

        private synchronized Delivery next() {
            Iterator<Delivery> first = pending.values().iterator();
            if (!first.hasNext()) {
                draining = false;
                return null;
            }
            Delivery next = first.next();
            first.remove();
            return next;
        }

        private synchronized boolean superseded(Delivery delivery) {
            return pending.containsKey(delivery.sourceId());
        }

        /** Waits before a retry; a newer state of the source ends the wait early. */
        private synchronized boolean waitToRetry(Delivery delivery, Duration delay) throws InterruptedException {
            long until = System.nanoTime() + delay.toNanos();
            for (long left = delay.toNanos(); left > 0 && !superseded(delivery); left = until - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
            return !superseded(delivery);
        }

        private void drain() {
            try {
                for (Delivery next = next(); next != null; next = next()) {
                    push(next);
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException unexpected) {
                log.error("Output '{}': its worker failed; the next change restarts it", spec.name(), unexpected);
                synchronized (this) {
                    draining = false;
                }
            }
        }

        private void push(Delivery delivery) throws InterruptedException {
            OutputSpec output = spec;
            byte[] json = delivery.hasCount()
                    ? bodies.json(delivery.sourceId())
                    : bodies.jsonWithoutCount(delivery.sourceId());
            if (json == null) {
                // What the outputs were told since no longer says what the push was decided on (a count
                // forgotten since, or one read since an announcement without): nothing to push, and an
                // empty body must never reach a webhook or a retained topic. The newer state is pushed
                // on its own.
                log.debug("Output '{}': nothing of {} to push now", output.name(), delivery.sourceId());
                return;
            }
            Delivery body = delivery.withJson(json);
            DeliveryFailure failure = null;
            int attempts = 0;
            RetryBackoff backoff = new RetryBackoff(output.retries(), output.retryDelay());
            for (int attempt = 0; attempt <= backoff.retries(); attempt++) {
                if (attempt > 0 && !waitToRetry(delivery, backoff.delayBefore(attempt))) {
                    count(output.name(), DeliveryMeters.Outcome.SUPERSEDED);
                    return;
                }
                attempts++;
                long started = System.nanoTime();
                Exchange sent = producer.send(
                        OutputEndpoints.of(output.name()),
                        exchange -> exchange.getIn().setBody(body));
                if (sent.getException() == null) {
                    health.delivered(
                            output.name(),
                            delivery.sourceId(),
                            clock.instant(),
                            Duration.ofNanos(System.nanoTime() - started));
                    count(output.name(), DeliveryMeters.Outcome.DELIVERED);
                    return;
                }
                failure = DeliveryFailures.of(sent.getException(), output.destination());
                log.debug(
                        "Output '{}': attempt {} for {} failed: {}",
                        output.name(),
                        attempts,
                        delivery.sourceId(),
                        failure.reason());
            }
            synchronized (this) {
                if (!pending.containsKey(delivery.sourceId())) {
                    failed.put(delivery.sourceId(), delivery);
                    failedAt.put(delivery.sourceId(), clock.instant());
                }
            }
            count(output.name(), DeliveryMeters.Outcome.FAILED);
            producer.sendBody(
                    OutputEndpoints.DEAD_LETTER,
                    new DeadLetter(
                            output.name(),
                            delivery.sourceId(),
                            delivery.hasCount() ? delivery.count() : null,
                            failure.code().name(),
                            failure.reason(),
                            clock.instant(),
                            failure.httpStatus(),
                            attempts));
        }
    }
}
