package dev.socialticker.ticker.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerEvent;
import dev.socialticker.ticker.domain.TickerSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A hub observed full: a real seda queue of the hub's kind (publish-subscribe, blocking when full,
 * with a patience), small enough to fill, and one subscriber held up. Publishing waits for room
 * and then, when none came, counts and logs the event: nothing is lost silently.
 */
@ExtendWith(OutputCaptureExtension.class)
class FullHubTest {
    static final String SMALL_HUB = "seda:small-hub?multipleConsumers=true&size=2&blockWhenFull=true&offerTimeout=50";
    static final TickerSource SOURCE = new TickerSource("acme", "demo", "acme");
    /** More than the hub of two and the threads it hands events to can hold together. */
    static final int PUBLISHED = 1_100;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<TickerEvent> received = new CopyOnWriteArrayList<>();
    final CountDownLatch holdingUp = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    CamelContext camel;
    TickerEvents events;

    @BeforeEach
    void startASlowSubscriber() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(SMALL_HUB).routeId("slow-subscriber").process(exchange -> {
                    holdingUp.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    received.add(exchange.getIn().getBody(TickerEvent.class));
                });
            }
        });
        camel.start();
        events = new TickerEvents(camel.createProducerTemplate(), SMALL_HUB, meters);
    }

    @AfterEach
    void stop() {
        release.countDown();
        camel.stop();
    }

    /**
     * Held up, the subscriber takes nothing; the hub hands what it holds to the subscribers' threads
     * as far as they take it, then fills. Every event published is then either delivered, once,
     * after the subscriber moves again, or counted and logged as dropped: none is lost silently.
     */
    @Test
    void aFullHubCountsAndLogsWhatItCouldNotTakeAndDeliversTheRest(CapturedOutput output) throws Exception {
        events.publish(change(1));
        assertThat(holdingUp.await(10, TimeUnit.SECONDS))
                .as("the subscriber took the first")
                .isTrue();

        for (long sequence = 2; sequence <= PUBLISHED; sequence++) {
            events.publish(change(sequence));
        }
        double dropped =
                meters.counter(TickerEvents.DROPPED, "event", "SourceChanged").count();
        assertThat(dropped).as("the hub was full").isPositive();
        assertThat(output.getAll())
                .contains("The hub did not take a SourceChanged (source acme (REFRESH)), dropped after waiting for"
                        + " room")
                .contains((long) dropped + " SourceChanged event(s) dropped so far (ticker_events_dropped_total)");

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() + dropped >= PUBLISHED);
        assertThat(received)
                .as("each event taken delivered once; with the dropped ones, every event published")
                .hasSize(PUBLISHED - (int) dropped)
                .doesNotHaveDuplicates();
    }

    @Test
    void aHubWithRoomTakesEveryEventAndCountsNothing() throws Exception {
        release.countDown();
        for (long sequence = 1; sequence <= 20; sequence++) {
            events.publish(change(sequence));
            int taken = (int) sequence;
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == taken);
        }

        assertThat(meters.find(TickerEvents.DROPPED).counters())
                .as("a series per event, at zero")
                .hasSize(TickerEvent.class.getPermittedSubclasses().length)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    private static SourceChanged change(long sequence) {
        return new SourceChanged(
                SourceState.empty(SOURCE), SourceState.empty(SOURCE), SourceChanged.Cause.REFRESH, null, sequence);
    }
}
