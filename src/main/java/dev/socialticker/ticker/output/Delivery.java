package dev.socialticker.ticker.output;

import dev.socialticker.ticker.domain.SourceState;

/**
 * One push: a source's state as an output gets it, the body of its route.
 *
 * @param state the source's state: with a count, or (for an output that announces sources without
 *              one) without
 * @param stale whether it was stale when the push was decided
 * @param json  the body {@code GET /api/metrics/{id}} answers for the source, rendered when the push
 *              is sent (so a push that waited sends the newest body)
 */
public record Delivery(SourceState state, boolean stale, byte[] json) {
    public String sourceId() {
        return state.source().id();
    }

    /** Whether the source has a count; only an output that announces sources without one gets one that has not. */
    public boolean hasCount() {
        return state.hasData();
    }

    /** The count; only for a delivery that {@link #hasCount()}. */
    public long count() {
        return state.snapshot().total();
    }

    Delivery withJson(byte[] body) {
        return new Delivery(state, stale, body);
    }
}
