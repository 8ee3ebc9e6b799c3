package dev.socialticker.ticker.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.ProviderRouteReplaced;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.TickerEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Every write of the store is announced once, after it is made, with the state before and after,
 * and moves the store's version; a write that does not happen announces nothing.
 */
class SnapshotStoreChangesTest {
    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    final SourceCatalog catalog = new SourceCatalog(
            new SourceProperties(List.of(new SourceProperties.Source("acme", "demo", "acme")), Map.of()));
    final TickerSource source = catalog.all().get(0);
    final List<SourceChanged> changes = new ArrayList<>();
    final Cache<String, SourceState> cache = Caffeine.newBuilder().build();
    final SnapshotStore store = new SnapshotStore(
            cache,
            Documents.inMemory(),
            catalog,
            new TickerEvents(event -> changes.add((SourceChanged) event), new SimpleMeterRegistry()));

    @Test
    void aStoredCountIsAnnouncedWithTheStateBeforeAndTheRefreshsDuration() {
        long before = store.version();
        assertThat(store.storeSnapshot(permit(Duration.ofMillis(250)), last -> snapshot(100, null)))
                .isTrue();

        assertThat(store.version()).isEqualTo(before + 1);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.cause()).isEqualTo(SourceChanged.Cause.REFRESH);
            assertThat(change.previous()).isEqualTo(SourceState.empty(source));
            assertThat(change.current().snapshot().total()).isEqualTo(100);
            assertThat(change.took()).isEqualTo(Duration.ofMillis(250));
            assertThat(change.local()).isTrue();
        });
    }

    @Test
    void aRecordedFailureIsAnnouncedBesideTheLastGoodCount() {
        store.storeSnapshot(permit(Duration.ofMillis(10)), last -> snapshot(100, null));
        Failure failure = new Failure(FailureCode.TIMEOUT, "The provider did not answer in time", T, null, 3);

        store.recordFailure(permit(Duration.ofSeconds(30)), failure);

        assertThat(changes).hasSize(2);
        SourceChanged change = changes.get(1);
        assertThat(change.previous().failure()).isNull();
        assertThat(change.current().failure()).isEqualTo(failure);
        assertThat(change.current().snapshot().total())
                .as("the last good count stays")
                .isEqualTo(100);
        assertThat(change.took()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aWithdrawnPermitWritesAndAnnouncesNothing() {
        long before = store.version();
        WritePermit withdrawn = new TestPermit(Duration.ofSeconds(1));
        withdrawn.tryCommit();

        assertThat(store.storeSnapshot(withdrawn, last -> snapshot(100, null))).isFalse();

        assertThat(changes).isEmpty();
        assertThat(store.version()).isEqualTo(before);
    }

    @Test
    void anInvalidationIsAnnouncedForSourcesThatHadAState() {
        store.storeSnapshot(permit(Duration.ofMillis(10)), last -> snapshot(100, null));
        List<SourceState> previous = store.statesOf(catalog.all());
        changes.clear();
        cache.invalidateAll(); // as the route does, through the camel-caffeine endpoint

        store.forgotten(previous, SourceChanged.Cause.INVALIDATED);

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.cause()).isEqualTo(SourceChanged.Cause.INVALIDATED);
            assertThat(change.previous().snapshot().total()).isEqualTo(100);
            assertThat(change.local()).isTrue();
        });
    }

    @Test
    void anInvalidationARefreshOvertookAnnouncesNothingMore() {
        store.storeSnapshot(permit(Duration.ofMillis(10)), last -> snapshot(100, null));
        List<SourceState> previous = store.statesOf(catalog.all());
        cache.invalidateAll();
        store.storeSnapshot(permit(Duration.ofMillis(10)), last -> snapshot(101, null));
        changes.clear();

        store.forgotten(previous, SourceChanged.Cause.INVALIDATED);

        assertThat(changes).as("the refresh announced its own change").isEmpty();
        assertThat(store.stateOf(source).snapshot().total()).isEqualTo(101);
    }

    @Test
    void aReplacedProviderRouteDropsTheEntityTagAndSaysSo() {
        store.storeSnapshot(permit(Duration.ofMillis(10)), last -> snapshot(100, "\"v1\""));
        changes.clear();

        store.forgetEntityTags(new ProviderRouteReplaced("demo"));

        assertThat(store.stateOf(source).snapshot().etag()).isNull();
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.cause()).isEqualTo(SourceChanged.Cause.ROUTE_REPLACED);
            assertThat(change.current().snapshot().total()).isEqualTo(100);
        });
    }

    private Snapshot snapshot(long total, String etag) {
        return new Snapshot(total, "acme", T, null, etag);
    }

    private WritePermit permit(Duration elapsed) {
        return new TestPermit(elapsed);
    }

    private final class TestPermit implements WritePermit {
        private final AtomicBoolean used = new AtomicBoolean();
        private final Duration elapsed;

        TestPermit(Duration elapsed) {
            this.elapsed = elapsed;
        }

        @Override
        public TickerSource source() {
            return source;
        }

        @Override
        public boolean tryCommit() {
            return used.compareAndSet(false, true);
        }

        @Override
        public Duration elapsed() {
            return elapsed;
        }
    }
}
