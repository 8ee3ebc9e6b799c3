package dev.socialticker.ticker.store;

import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import java.util.Optional;

/**
 * One source's state as it is written to the state repository (a file, a Redis value): the same JSON
 * document everywhere, versioned by {@code format} so a rollback never misreads a newer layout.
 */
public record StoredState(int format, TickerSource source, Snapshot snapshot, Failure failure) {
    /** Version of the layout; a document of another version is not read. */
    public static final int FORMAT = 1;

    public static StoredState of(SourceState state) {
        return new StoredState(FORMAT, state.source(), state.snapshot(), state.failure());
    }

    /** Why this document cannot be read by this version, or empty when it can. */
    public Optional<String> unreadableBecause() {
        if (format != FORMAT || source == null) {
            return Optional.of("its format is " + format + ", this version reads " + FORMAT);
        }
        return Optional.empty();
    }

    /**
     * The state for the configured source, or empty when the document belongs to another account
     * (the source id was pointed elsewhere since): its count must not be served as this one's.
     */
    public Optional<SourceState> stateFor(TickerSource configured) {
        return configured.equals(source)
                ? Optional.of(new SourceState(configured, snapshot, failure))
                : Optional.empty();
    }
}
