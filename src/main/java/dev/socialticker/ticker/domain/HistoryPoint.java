package dev.socialticker.ticker.domain;

import java.time.Instant;

/**
 * One point of a source's history: a raw reading ({@code min == max == count}), or a bucket of an
 * hour or a day starting at {@code at}, with its last count and, for days, the lowest and highest.
 */
public record HistoryPoint(Instant at, long count, long min, long max) {

    public static HistoryPoint reading(Instant at, long count) {
        return new HistoryPoint(at, count, count, count);
    }
}
