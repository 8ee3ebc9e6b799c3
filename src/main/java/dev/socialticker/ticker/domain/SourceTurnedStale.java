package dev.socialticker.ticker.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A source's count turned stale by age alone ({@link Staleness}): no write happened, time passed.
 * Published once per count by the store's one clock (route {@code store-clock}), which every feature
 * uses instead of a clock of its own; a count turns fresh again only by a {@link SourceChanged}.
 *
 * @param state   the state as it is (unchanged), its count now older than stale-after
 * @param staleAt when it turned stale
 */
public record SourceTurnedStale(SourceState state, Instant staleAt) implements TickerEvent {
    public SourceTurnedStale {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(staleAt, "staleAt");
    }

    public TickerSource source() {
        return state.source();
    }

    @Override
    public String subject() {
        return "source " + source().id();
    }
}
