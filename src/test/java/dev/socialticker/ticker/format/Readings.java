package dev.socialticker.ticker.format;

import java.util.ArrayList;
import java.util.List;

/** Readings the format tests share: 12,345 followers, between the 10k and 25k milestones, 20 days of history. */
final class Readings {
    private Readings() {}

    static List<Long> days(int count, long last, long perDay) {
        List<Long> days = new ArrayList<>();
        for (int back = count - 1; back >= 0; back--) {
            days.add(last - perDay * back);
        }
        return days;
    }

    static Reading of(long count, CountState state) {
        return new Reading(count, "acme", state, 10_000, 25_000L, days(20, count, 100));
    }

    static Reading fresh() {
        return of(12_345, CountState.FRESH);
    }
}
