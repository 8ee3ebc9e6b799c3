package dev.socialticker.ticker.output;

import dev.socialticker.ticker.delivery.Courier;
import dev.socialticker.ticker.delivery.DeliveryDesk;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Each output's {@link Courier}: one queue and one worker per output, the delivery machinery the alert
 * channels use too. A queue keeps, per source, only the newest push not sent yet, so an output that was
 * slow or dead gets the newest value when it answers again, never a backlog; a slow or dead output holds
 * only its own worker, and offering never waits, whoever offers (the change subscriber, never a
 * refresh thread). Before each retry the worker looks whether a newer state of the same source is
 * waiting and sends that instead; after the last retry the push is dead-lettered and kept aside: the
 * next change of that source replaces it, or the next tick past a minute sends it again.
 *
 * <p>What is the outputs' own is here: the body, rendered when the push is sent from the newest state
 * ({@link SourceBodies}), and what each output is owed ({@link #catchUp}: every source when it starts
 * or changes, and a source again after its {@code repeat}). Counted in
 * {@code ticker_deliveries_total{kind="output",destination,outcome}}: delivered, failed, superseded
 * (and, for one release, in its older alias {@code ticker_outputs_total{output,outcome}}).
 */
@Component
public class OutputQueues {
    private final Map<String, Output> outputs = new ConcurrentHashMap<>();
    private final ProducerTemplate producer;
    private final SourceBodies bodies;
    private final DeliveryDesk desk;
    private final MeterRegistry meters;
    private final Clock clock;

    OutputQueues(ProducerTemplate producer, SourceBodies bodies, DeliveryDesk desk, MeterRegistry meters, Clock clock) {
        this.producer = producer;
        this.bodies = bodies;
        this.desk = desk;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Starts an output's worker, or gives a running one its new parameters. Either way it is owed every
     * source's current state ({@link #catchUp}): a new output, or one pointed elsewhere, starts with the
     * counts as they are instead of waiting for the next change.
     */
    void run(OutputSpec spec) {
        outputs.compute(spec.name(), (name, output) -> {
            if (output == null) {
                return new Output(spec);
            }
            output.respecify(spec);
            return output;
        });
    }

    void stop(String name) {
        Output output = outputs.remove(name);
        if (output != null) {
            output.courier.stop();
        }
        desk.forget(DeliveryMeters.Kind.OUTPUT, name);
    }

    /** Queues a push for every output that wants the source; returns at once. */
    void offer(Delivery delivery) {
        outputs.values().forEach(output -> {
            if (output.spec.wants(delivery)) {
                output.offer(delivery, clock.instant());
            }
        });
    }

    /**
     * Gives each output what it is owed of {@code current} (every source's latest state): all of it to
     * an output started or changed since the last call, and, to an output that repeats, each source
     * not offered for its {@code repeat}.
     */
    void catchUp(Collection<Delivery> current, Instant now) {
        outputs.values().forEach(output -> output.catchUp(current, now));
    }

    /** Sends again the pushes dead-lettered a minute ago or more that nothing newer replaced. */
    void retryLater() {
        outputs.values().forEach(output -> output.courier.retryFailed());
    }

    /** Pushes waiting for an output, for health and the status console. */
    int pending(String name) {
        Output output = outputs.get(name);
        return output == null ? 0 : output.courier.pendingCount();
    }

    @PreDestroy
    void stopAll() {
        outputs.values().forEach(output -> output.courier.stop());
    }

    private static Courier.Route route(OutputSpec spec) {
        return new Courier.Route(spec.destination(), new RetryBackoff(spec.retries(), spec.retryDelay()), true);
    }

    /** One output: its parameters, its courier, and when each source was last offered to it. */
    private final class Output implements Courier.Handling<Delivery> {
        private volatile OutputSpec spec;
        private final Courier<Delivery> courier;
        /**
         * When each source was last offered: what {@code repeat} counts from. A source not in it was
         * never offered to this output (new, or its parameters changed): it is owed its current state.
         */
        private final Map<String, Instant> offeredAt = new HashMap<>();

        Output(OutputSpec spec) {
            this.spec = spec;
            this.courier = desk.courier(DeliveryMeters.Kind.OUTPUT, spec.name(), route(spec), this);
        }

        synchronized void respecify(OutputSpec changed) {
            spec = changed;
            courier.reroute(route(changed));
            offeredAt.clear();
        }

        synchronized void offer(Delivery delivery, Instant now) {
            offeredAt.put(delivery.sourceId(), now);
            courier.offer(delivery);
        }

        synchronized void catchUp(Collection<Delivery> current, Instant now) {
            Duration repeat = spec.repeat();
            for (Delivery delivery : current) {
                String id = delivery.sourceId();
                if (!spec.wants(delivery) || courier.holds(id)) {
                    continue;
                }
                Instant last = offeredAt.get(id);
                if (last == null || (!repeat.isZero() && !last.plus(repeat).isAfter(now))) {
                    offer(delivery, now);
                }
            }
        }

        @Override
        public String key(Delivery delivery) {
            return delivery.sourceId();
        }

        @Override
        public String about(Delivery delivery) {
            return delivery.sourceId();
        }

        @Override
        public String told(Delivery delivery) {
            return delivery.sourceId() + (delivery.hasCount() ? " (count " + delivery.count() + ")" : " (no count)");
        }

        /**
         * The body from the newest state the outputs were told. None when that no longer says what the
         * push was decided on (a count forgotten since, or one read since an announcement without): an
         * empty body must never reach a webhook or a retained topic; the newer state is pushed on its own.
         */
        @Override
        public Delivery prepare(Delivery delivery) {
            byte[] json = delivery.hasCount()
                    ? bodies.json(delivery.sourceId())
                    : bodies.jsonWithoutCount(delivery.sourceId());
            return json == null ? null : delivery.withJson(json);
        }

        @Override
        public Throwable attempt(Delivery delivery) {
            return producer.send(
                            OutputEndpoints.of(spec.name()),
                            exchange -> exchange.getIn().setBody(delivery))
                    .getException();
        }

        /** The older alias {@code ticker_outputs_total}, for one release. */
        @Override
        public void counted(Delivery delivery, DeliveryMeters.Outcome outcome) {
            Counter.builder("ticker.outputs")
                    .description("Pushes to outputs by output and outcome (delivered, failed, superseded)")
                    .tag("output", spec.name())
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(meters)
                    .increment();
        }
    }
}
