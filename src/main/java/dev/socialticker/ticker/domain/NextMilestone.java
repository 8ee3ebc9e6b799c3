package dev.socialticker.ticker.domain;

import java.time.Instant;

/**
 * The next milestone above a count and, from the recent rate of growth, when it should be reached:
 * null unless that falls within the forecast horizon (12 weeks by default).
 */
public record NextMilestone(long value, Instant eta) {}
