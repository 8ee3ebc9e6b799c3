package dev.socialticker.ticker.store;

import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import java.util.List;
import java.util.Map;

/**
 * Where the {@link SnapshotStore}'s states live beyond this process, chosen by
 * {@code ticker.store.type}: the file store ({@link SnapshotFiles}), Redis (the shared mode), or
 * nowhere ({@code memory}). The Caffeine cache stays the read path; this sits behind it and is
 * written inside the cache's atomic step for the source.
 *
 * <p>Implementations never throw to a caller: a store that cannot be reached is logged and the
 * in-memory state stays authoritative, so serving and refreshing go on.
 */
public interface BackingStore {

    /** The stored states of the given sources that exist and are usable, by source id. */
    Map<String, SourceState> readAll(List<TickerSource> sources);

    void write(SourceState state);

    /** Forgets a source's stored state (admin invalidation). */
    void delete(String sourceId);

    /** Where states are kept, for the start-up log line. */
    String description();

    /** {@code ticker.store.type=memory}: nothing outlives the process. */
    BackingStore NONE = new BackingStore() {
        @Override
        public Map<String, SourceState> readAll(List<TickerSource> sources) {
            return Map.of();
        }

        @Override
        public void write(SourceState state) {
            // memory only
        }

        @Override
        public void delete(String sourceId) {
            // memory only
        }

        @Override
        public String description() {
            return "memory only (ticker.store.type=memory): a restart starts without data";
        }
    };
}
