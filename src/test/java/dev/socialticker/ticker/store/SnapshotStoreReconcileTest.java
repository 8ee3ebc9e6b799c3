package dev.socialticker.ticker.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.support.ForwardingStateRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How an instance's copy and the shared copy of a source are brought into step (the shared mode):
 * the newer outcome wins, and a shared store that has less gets this instance's copy written back.
 */
class SnapshotStoreReconcileTest {
    static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

    final SourceProperties properties =
            new SourceProperties(List.of(new SourceProperties.Source("acme", "demo", "acme")), Map.of());
    final SourceCatalog catalog = new SourceCatalog(properties);
    final TickerSource source = catalog.all().get(0);
    final RecordingState backing = new RecordingState();
    final List<SourceChanged> changes = new ArrayList<>();

    @Test
    void aNewerSharedCopyReplacesTheLocalOneAndIsNotWrittenBack() {
        backing.seed(good(100, T));
        SnapshotStore store = store();

        assertThat(store.reconcile(source, good(200, T.plusSeconds(60)))).isTrue();

        assertThat(store.stateOf(source).snapshot().total()).isEqualTo(200);
        assertThat(backing.writes()).isEmpty();
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.cause()).isEqualTo(SourceChanged.Cause.FLEET);
            assertThat(change.previous().snapshot().total()).isEqualTo(100);
            assertThat(change.current().snapshot().total()).isEqualTo(200);
            assertThat(change.local()).as("not announced back to the fleet").isFalse();
        });
    }

    @Test
    void aNewerLocalCopyIsWrittenBackAndKept() {
        backing.seed(good(200, T.plusSeconds(60)));
        SnapshotStore store = store();

        assertThat(store.reconcile(source, good(100, T))).isFalse();

        assertThat(store.stateOf(source).snapshot().total()).isEqualTo(200);
        assertThat(backing.writes())
                .extracting(state -> state.snapshot().total())
                .containsExactly(200L);
        assertThat(changes).as("this instance's state did not change").isEmpty();
    }

    @Test
    void aSharedStoreThatLostItsDataGetsTheLocalCopyBack() {
        backing.seed(good(100, T));
        SnapshotStore store = store();

        assertThat(store.reconcile(source, null)).isFalse();

        assertThat(backing.writes())
                .extracting(state -> state.snapshot().total())
                .containsExactly(100L);
    }

    @Test
    void aLaterFailureBesideTheSameSnapshotIsTheNewerCopy() {
        backing.seed(good(100, T));
        SnapshotStore store = store();
        SourceState failedSince = good(100, T)
                .withFailure(new Failure(
                        FailureCode.UPSTREAM_UNAVAILABLE, "The provider is unavailable", T.plusSeconds(30), 503, 3));

        assertThat(store.reconcile(source, failedSince)).isTrue();

        assertThat(store.stateOf(source).failure().code()).isEqualTo(FailureCode.UPSTREAM_UNAVAILABLE);
        assertThat(store.stateOf(source).snapshot().total())
                .as("the last good value stays")
                .isEqualTo(100);
    }

    @Test
    void equalCopiesCauseNoWrite() {
        backing.seed(good(100, T));
        SnapshotStore store = store();

        assertThat(store.reconcile(source, good(100, T))).isFalse();
        assertThat(backing.writes()).isEmpty();
        assertThat(changes).isEmpty();
    }

    @Test
    void aSharedCopyOfAnotherAccountUnderTheSameIdIsNotAdopted() {
        SnapshotStore store = store();
        TickerSource elsewhere = new TickerSource(source.id(), "demo", "someone-else");
        SourceState theirs = new SourceState(elsewhere, new Snapshot(999, "else", T, null, null), null);

        assertThat(store.reconcile(source, theirs)).isFalse();
        assertThat(store.stateOf(source).hasData()).isFalse();
    }

    @Test
    void neitherCopyMeansNothingToDo() {
        SnapshotStore store = store();

        assertThat(store.reconcile(source, null)).isFalse();
        assertThat(backing.writes()).isEmpty();
        assertThat(store.stateOf(source).hasData()).isFalse();
    }

    private SnapshotStore store() {
        return new SnapshotStore(
                Caffeine.newBuilder().build(),
                Documents.over(backing, Clock.systemUTC()),
                catalog,
                new TickerEvents(event -> changes.add((SourceChanged) event), new SimpleMeterRegistry()));
    }

    private SourceState good(long total, Instant at) {
        return SourceState.empty(source).withSnapshot(new Snapshot(total, "acme", at, null, null));
    }

    /** The state repository in memory, remembering the snapshot documents the store wrote. */
    static final class RecordingState extends ForwardingStateRepository {
        private final List<byte[]> written = new ArrayList<>();

        RecordingState() {
            super(StateRepository.memory(Map.of()));
        }

        /** A state stored before the store starts: not one of its writes. */
        void seed(SourceState state) {
            try {
                super.write(
                        StateKey.snapshot(state.source().id()),
                        Documents.json().writeValueAsBytes(StoredState.of(state)));
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
        }

        /** The states the store wrote, in order. */
        List<SourceState> writes() {
            return written.stream()
                    .map(document -> {
                        try {
                            StoredState stored = Documents.json().readValue(document, StoredState.class);
                            return new SourceState(stored.source(), stored.snapshot(), stored.failure());
                        } catch (IOException impossible) {
                            throw new UncheckedIOException(impossible);
                        }
                    })
                    .toList();
        }

        @Override
        public void write(StateKey key, byte[] document) throws IOException {
            written.add(document);
            super.write(key, document);
        }
    }
}
