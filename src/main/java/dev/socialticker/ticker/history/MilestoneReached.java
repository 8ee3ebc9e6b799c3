package dev.socialticker.ticker.history;

import dev.socialticker.ticker.domain.TickerSource;
import java.time.Instant;

/** A source's count crossed a milestone for the first time ({@link HistoryEndpoints#MILESTONES}). */
public record MilestoneReached(TickerSource source, long milestone, long count, Instant at) {}
