package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.config.FormatProperties;
import dev.socialticker.ticker.config.NamedTickers;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.domain.Growth;
import dev.socialticker.ticker.domain.HistoryChanged;
import dev.socialticker.ticker.domain.HistoryFacts;
import dev.socialticker.ticker.domain.NextMilestone;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceReported;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerEvent;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.history.HistoryProperties;
import dev.socialticker.ticker.refresh.RefreshProperties;
import dev.socialticker.ticker.refresh.RefreshSchedule;
import dev.socialticker.ticker.support.BuiltInDisplays;
import dev.socialticker.ticker.support.MutableClock;
import dev.socialticker.ticker.support.TestJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The view shows a count with its own growth: the store's change and the history's facts about it
 * arrive as one report, a read waits for the report of every change the hub took before it, and
 * facts about another count than the one shown are not shown with it. The hub is played by hand
 * here, event by event, so the moment between a change and its report lasts as long as the test
 * wants (the read's patience is an hour).
 */
class CountWithItsFactsTest {
    static final TickerSource SOURCE = new TickerSource("demo-a", "demo", "a");
    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final TickerEvents events = new TickerEvents(event -> {}, new SimpleMeterRegistry());
    final MetricsRenderer renderer = renderer();
    SourceState state = SourceState.empty(SOURCE);
    long sequence;

    @AfterEach
    void stop() {
        renderer.stop();
    }

    @Test
    void aReadWaitsForTheReportOfAChangeAndShowsTheCountWithItsGrowth() throws Exception {
        SourceChanged change = refreshed(1_000);
        hub(change);
        CompletableFuture<JsonNode> read = CompletableFuture.supplyAsync(this::read);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !read.isDone());

        hub(new SourceReported(change, facts(change, 10), 1));
        JsonNode body = read.get(5, TimeUnit.SECONDS);
        assertThat(body.path("total").asLong()).isEqualTo(1_000);
        assertThat(body.at("/growth/oneDay").asLong()).isEqualTo(10);
        assertThat(body.at("/nextMilestone/value").asLong()).isEqualTo(2_500);
    }

    @Test
    void factsAboutAnotherCountAreNotShownWithThisOne() {
        SourceChanged first = refreshed(1_000);
        HistoryFacts ofFirst = facts(first, 10);
        hub(first);
        hub(new SourceReported(first, ofFirst, 1));
        clock.advance(Duration.ofMinutes(1));
        SourceChanged second = refreshed(1_020);
        hub(second);
        hub(new SourceReported(second, facts(second, 30), 2));

        // A backfill told with facts about the first count (a history behind the store): not these.
        hub(new HistoryChanged(SOURCE, HistoryChanged.Cause.BACKFILL, facts(first, 500)));
        assertThat(read().at("/growth/oneDay").asLong())
                .as("the second count's own growth")
                .isEqualTo(30);

        // The same backfill told about the count shown: shown.
        hub(new HistoryChanged(SOURCE, HistoryChanged.Cause.BACKFILL, facts(second, 520)));
        JsonNode body = read();
        assertThat(body.path("total").asLong()).isEqualTo(1_020);
        assertThat(body.at("/growth/oneDay").asLong()).isEqualTo(520);
    }

    @Test
    void anOlderReportArrivingLateIsNotShown() {
        SourceChanged first = refreshed(1_000);
        clock.advance(Duration.ofMinutes(1));
        SourceChanged second = refreshed(1_020);
        hub(first);
        hub(second);
        hub(new SourceReported(second, facts(second, 30), 1));
        hub(new SourceReported(first, facts(first, 10), 2));

        JsonNode body = read();
        assertThat(body.path("total").asLong()).isEqualTo(1_020);
        assertThat(body.at("/growth/oneDay").asLong()).isEqualTo(30);
    }

    /** The store wrote a count read now. */
    private SourceChanged refreshed(long count) {
        SourceState before = state;
        state = state.withSnapshot(new Snapshot(count, "a", clock.instant(), null, null));
        return new SourceChanged(before, state, SourceChanged.Cause.REFRESH, null, ++sequence);
    }

    /** The history's facts about a change's count, with a day's growth of {@code oneDay}. */
    private static HistoryFacts facts(SourceChanged change, long oneDay) {
        return new HistoryFacts(
                change.current().snapshot().refreshedAt(),
                new Growth(oneDay, null, null, false),
                new NextMilestone(2_500, null),
                1_000,
                null,
                List.of());
    }

    /** The hub took the event, and the view's route handed it over. */
    private void hub(TickerEvent event) {
        events.publish(event);
        renderer.received(event);
    }

    private JsonNode read() {
        try {
            return TestJson.MAPPER.readTree(
                    renderer.view().bySource().get(SOURCE.id()).json());
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private MetricsRenderer renderer() {
        SourceProperties sources =
                new SourceProperties(List.of(new SourceProperties.Source(null, "demo", "a")), Map.of());
        SourceCatalog catalog = new SourceCatalog(sources);
        RefreshProperties refresh = new RefreshProperties(
                Duration.ofMinutes(5),
                null,
                Duration.ofMinutes(1),
                Duration.ZERO,
                new RefreshProperties.Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                16);
        MockEnvironment environment = new MockEnvironment().withProperty("ticker.refresh.period", "5m");
        return new MetricsRenderer(
                catalog,
                new NamedTickers(sources, catalog),
                events,
                new RefreshSchedule(refresh, catalog, environment, clock),
                HistoryProperties.defaults(),
                clock,
                TestJson.documents(),
                new FormatProperties("followers", null, null),
                BuiltInDisplays.INSTANCE,
                Duration.ofHours(1));
    }
}
