package dev.socialticker.ticker.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.domain.HistoryChanged;
import dev.socialticker.ticker.domain.HistoryFacts;
import dev.socialticker.ticker.domain.HistoryPoint;
import dev.socialticker.ticker.domain.MilestoneReached;
import dev.socialticker.ticker.domain.NextMilestone;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceReported;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerEvent;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.EventEndpoints;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The history's routes in a Camel context of their own (no Spring): the changes on the hub are
 * recorded, each published as a change of the history, a milestone crossed is published once, and {@code direct:history-compact} drops what
 * is past retention and writes the smaller document.
 */
@ExtendWith(OutputCaptureExtension.class)
class HistoryRoutesTest {
    static final TickerSource SOURCE = new TickerSource("mastodon-ada-example-org", "mastodon", "ada@example.org");
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final StateRepository state = StateRepository.memory(Map.of());
    /** What the book published on the hub. */
    final List<TickerEvent> published = new CopyOnWriteArrayList<>();

    final HistoryBook book = new HistoryBook(
            state,
            new SourceCatalog(new SourceProperties(
                    List.of(new SourceProperties.Source(SOURCE.id(), SOURCE.provider(), SOURCE.account())), null)),
            HistoryProperties.defaults(),
            provider -> false,
            clock,
            new TickerEvents(published::add, new SimpleMeterRegistry()));
    CamelContext camel;
    ProducerTemplate producer;
    long sequence;
    SourceState before = SourceState.empty(SOURCE);

    @BeforeEach
    void startRoutes() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new HistoryRoutes(book));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stopRoutes() {
        camel.stop();
    }

    @Test
    void theCompactionRouteDropsWhatIsPastRetentionAndWritesTheSmallerDocument(CapturedOutput output) throws Exception {
        // 20 days, a changed count every hour; then 100 days without a reading.
        for (int hour = 0; hour < 20 * 24; hour++) {
            book.record(change(1_000 + hour));
            clock.advance(Duration.ofHours(1));
        }
        int bytesBefore = state.read(StateKey.history(SOURCE.id())).orElseThrow().length;
        assertThat(book.of(SOURCE.id()).sizes()).containsExactly(10 * 24 + 1, 20 * 24, 20);
        clock.advance(Duration.ofDays(80));

        producer.sendBody(HistoryEndpoints.COMPACT, null);

        assertThat(book.of(SOURCE.id()).sizes())
                .as("raw readings past 10 days gone, hours kept for 90 days, days for ever")
                .containsExactly(0, 10 * 24, 20);
        int bytesAfter = state.read(StateKey.history(SOURCE.id())).orElseThrow().length;
        assertThat(bytesAfter).isLessThan(bytesBefore).isEqualTo(book.bytes(SOURCE.id()));
        assertThat(output.getAll()).contains("History compacted: " + (10 * 24 + 1 + 10 * 24) + " points past");
        assertThat(book.of(SOURCE.id()).countAt(clock.instant()))
                .as("the last count still known, from the hours")
                .hasValue(1_000 + 20 * 24 - 1);

        producer.sendBody(HistoryEndpoints.COMPACT, null);
        assertThat(book.of(SOURCE.id()).sizes()).as("nothing more to drop").containsExactly(0, 10 * 24, 20);
    }

    @Test
    void theStoresChangesAreRecordedAndAMilestoneCrossedIsHandedOn() throws Exception {
        producer.sendBody(EventEndpoints.HUB, change(995));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> book.of(SOURCE.id()).lastCount().orElse(-1) == 995);
        clock.advance(Duration.ofMinutes(1));

        producer.sendBody(EventEndpoints.HUB, change(1_003));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> published.stream().anyMatch(MilestoneReached.class::isInstance));
        assertThat(published.stream().filter(MilestoneReached.class::isInstance))
                .containsExactly(new MilestoneReached(SOURCE, 1_000, 1_003, clock.instant()));
        clock.advance(Duration.ofMinutes(1));
        producer.sendBody(EventEndpoints.HUB, change(1_004));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> book.of(SOURCE.id()).lastCount().orElse(-1) == 1_004);
        assertThat(published.stream().filter(MilestoneReached.class::isInstance))
                .as("once")
                .hasSize(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> published.stream()
                                .filter(SourceReported.class::isInstance)
                                .count()
                        == 3);
        List<SourceReported> reports = published.stream()
                .filter(SourceReported.class::isInstance)
                .map(SourceReported.class::cast)
                .toList();
        assertThat(reports)
                .as("each change reported on once, in the order received, numbered")
                .extracting(report -> report.change().current().snapshot().total(), SourceReported::ordinal)
                .containsExactly(tuple(995L, 1L), tuple(1_003L, 2L), tuple(1_004L, 3L));
        assertThat(reports)
                .as("with the facts of its own count")
                .allSatisfy(report -> assertThat(
                                report.facts().about(report.change().current()))
                        .isTrue());
        HistoryFacts last = reports.get(2).facts();
        assertThat(last.previousMilestone()).isEqualTo(1_000);
        assertThat(last.next()).as("no rate yet: no date").isEqualTo(new NextMilestone(2_500, null));
        assertThat(last.growth().hasAnyWindow()).as("two minutes of history").isFalse();
        assertThat(last.days())
                .as("today's point, as recorded")
                .extracting(HistoryPoint::count)
                .containsExactly(1_004L);
        assertThat(published.stream().filter(HistoryChanged.class::isInstance))
                .as("a reading is no other change of the history")
                .isEmpty();
    }

    /** A refresh read {@code count} now. */
    private SourceChanged change(long count) {
        SourceState after = before.withSnapshot(new Snapshot(count, "ada", clock.instant(), null, null));
        SourceChanged change = new SourceChanged(before, after, SourceChanged.Cause.REFRESH, null, ++sequence);
        before = after;
        return change;
    }
}
