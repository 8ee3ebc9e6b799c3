package dev.socialticker.ticker.domain;

import java.time.Instant;

/**
 * A source's count crossed a milestone for the first time: once per milestone and source for ever,
 * and once for a fleet (only the instance that read the count records it). Published by the
 * history; the alerts celebrate it.
 */
public record MilestoneReached(TickerSource source, long milestone, long count, Instant at) implements TickerEvent {
    @Override
    public String subject() {
        return "source " + source.id();
    }
}
