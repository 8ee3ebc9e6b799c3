package dev.socialticker.ticker.history;

import dev.socialticker.ticker.domain.HistoryPoint;
import dev.socialticker.ticker.domain.HistorySum;
import dev.socialticker.ticker.domain.Milestones;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One source's count over time in three resolutions, as Home Assistant keeps short- and long-term
 * statistics: raw readings (each change, and one an hour while the count stands still), the last
 * count of each hour, and the last, lowest and highest count of each UTC day. A reading updates all
 * three at once, so the coarser ones are always current; {@link #compact} (on a schedule) then drops
 * raw readings and hours past their retention, which is what keeps a source's history small. Days
 * are kept for ever.
 *
 * <p>Thread-safe: every method holds the instance's lock; readings arrive on the store's subscriber
 * threads while the API reads.
 */
public final class SourceHistory {
    /** While the count stands still, one raw reading an hour. */
    static final long STILL_READING_SECONDS = 3600;

    Series raw = new Series();
    Series hours = new Series();
    Series days = new Series();
    /** The highest milestone already celebrated (or passed before the history began); 0 when none. */
    long celebrated;
    /** The first day with a live reading: days before it may be backfilled. Long.MAX_VALUE before any. */
    long liveSinceDay = Long.MAX_VALUE;

    /**
     * Records a reading.
     *
     * @return true when the history changed (a new raw reading, or an hour or day bucket moved)
     */
    public synchronized boolean record(Instant at, long count) {
        long second = at.getEpochSecond();
        if (raw.size() > 0 && second <= raw.lastKey()) {
            // A reading that arrived after a newer one: the hour and the day already end on the newer.
            return false;
        }
        boolean changed = false;
        if (raw.size() == 0 || raw.lastCount() != count || second - raw.lastKey() >= STILL_READING_SECONDS) {
            changed = raw.put(second, count);
        }
        changed |= hours.put(Math.floorDiv(second, 3600), count);
        long day = Math.floorDiv(second, 86_400);
        changed |= days.put(day, count);
        liveSinceDay = Math.min(liveSinceDay, day);
        return changed;
    }

    /** The latest count recorded (live or backfilled), if any. */
    public synchronized OptionalLong lastCount() {
        Series latest = raw.size() > 0 ? raw : hours.size() > 0 ? hours : days;
        if (latest.size() == 0) {
            return OptionalLong.empty();
        }
        // Raw is the most recent resolution; a backfilled day is older than any live reading.
        return OptionalLong.of(latest.lastCount());
    }

    /**
     * Drops raw readings older than {@code rawRetention} and hours older than {@code hourRetention}
     * before {@code now}: the downsampling, since the hours and days already hold their last counts.
     *
     * @return how many points were dropped
     */
    public synchronized int compact(Instant now, Duration rawRetention, Duration hourRetention) {
        long rawCutoff = now.minus(rawRetention).getEpochSecond();
        long hourCutoff = Math.floorDiv(now.minus(hourRetention).getEpochSecond(), 3600);
        int dropped = raw.dropBefore(rawCutoff);
        return dropped + hours.dropBefore(hourCutoff);
    }

    /**
     * The count at {@code at}: the latest reading at or before it, from the finest resolution that
     * reaches back that far. Empty when the history begins after {@code at}.
     */
    public synchronized OptionalLong countAt(Instant at) {
        long second = at.getEpochSecond();
        if (raw.size() > 0 && raw.key(0) <= second) {
            return OptionalLong.of(raw.last(raw.floor(second)));
        }
        long hour = Math.floorDiv(second, 3600);
        if (hours.size() > 0 && hours.key(0) <= hour) {
            return OptionalLong.of(hours.last(hours.floor(hour)));
        }
        long day = Math.floorDiv(second, 86_400);
        if (days.size() > 0 && days.key(0) <= day) {
            return OptionalLong.of(days.last(days.floor(day)));
        }
        return OptionalLong.empty();
    }

    /** When the history begins (its earliest point in any resolution), or null when it is empty. */
    public synchronized Instant begins() {
        long earliest = Long.MAX_VALUE;
        if (raw.size() > 0) {
            earliest = raw.key(0);
        }
        if (hours.size() > 0) {
            earliest = Math.min(earliest, hours.key(0) * 3600);
        }
        if (days.size() > 0) {
            earliest = Math.min(earliest, days.key(0) * 86_400);
        }
        return earliest == Long.MAX_VALUE ? null : Instant.ofEpochSecond(earliest);
    }

    /** The points of {@code step} from {@code from} to {@code to} (both inclusive, by bucket start). */
    public synchronized List<HistoryPoint> points(Step step, Instant from, Instant to) {
        Series series = series(step);
        long unit = step.width().getSeconds();
        long first = Math.floorDiv(from.getEpochSecond(), unit);
        long last = Math.floorDiv(to.getEpochSecond(), unit);
        List<HistoryPoint> points = new ArrayList<>();
        for (int i = series.ceiling(first); i < series.size() && series.key(i) <= last; i++) {
            // Only days keep their range in the document: an hour read back from it has none, so an
            // hour in memory shows none either (the same answer before and after a restart).
            boolean ranged = step == Step.DAY;
            points.add(new HistoryPoint(
                    Instant.ofEpochSecond(series.key(i) * unit),
                    series.last(i),
                    ranged ? series.min(i) : series.last(i),
                    ranged ? series.max(i) : series.last(i)));
        }
        return points;
    }

    /**
     * Adds this history's points of {@code step} from {@code from} to {@code to}, and its count before
     * them, to {@code sum}, read in place under this history's lock (as {@link #points} makes them: an
     * hour's lowest and highest are its last).
     */
    public synchronized void addTo(HistorySum sum, Step step, Instant from, Instant to) {
        OptionalLong before = countAt(from.minusSeconds(1));
        Series series = series(step);
        long unit = step.width().getSeconds();
        int first = series.ceiling(Math.floorDiv(from.getEpochSecond(), unit));
        int after = Math.max(first, series.ceiling(Math.floorDiv(to.getEpochSecond(), unit) + 1));
        boolean ranged = step == Step.DAY;
        sum.add(before.isPresent() ? before.getAsLong() : null, new HistorySum.Points() {
            @Override
            public int size() {
                return after - first;
            }

            @Override
            public long second(int index) {
                return series.key(first + index) * unit;
            }

            @Override
            public long last(int index) {
                return series.last(first + index);
            }

            @Override
            public long min(int index) {
                return ranged ? series.min(first + index) : series.last(first + index);
            }

            @Override
            public long max(int index) {
                return ranged ? series.max(first + index) : series.last(first + index);
            }
        });
    }

    /** How many points of {@code step} lie from {@code from} to {@code to}, without making them. */
    public synchronized int count(Step step, Instant from, Instant to) {
        Series series = series(step);
        long unit = step.width().getSeconds();
        int first = series.ceiling(Math.floorDiv(from.getEpochSecond(), unit));
        int after = series.ceiling(Math.floorDiv(to.getEpochSecond(), unit) + 1);
        return Math.max(0, after - first);
    }

    /** How many points each resolution holds: raw, hour, day. */
    public synchronized int[] sizes() {
        return new int[] {raw.size(), hours.size(), days.size()};
    }

    /** What a backfilled day did. */
    public enum Backfilled {
        ADDED,
        UPDATED,
        UNCHANGED,
        /** On or after the first live reading: live data wins, the day is left as it is. */
        LIVE
    }

    /** Sets a day's count from another tool's history, unless the service read that day itself. */
    public synchronized Backfilled backfill(LocalDate date, long count) {
        long day = date.toEpochDay();
        if (day >= liveSinceDay) {
            return Backfilled.LIVE;
        }
        int existing = days.indexOf(day);
        if (existing >= 0 && days.last(existing) == count && days.min(existing) == count) {
            return Backfilled.UNCHANGED;
        }
        days.set(day, count, count, count);
        return existing >= 0 ? Backfilled.UPDATED : Backfilled.ADDED;
    }

    /**
     * The milestone this reading crosses, to celebrate once: the highest rung of {@code ladder} above
     * the previous count, at or below {@code count}, and above every milestone celebrated before.
     * The first reading of a history celebrates nothing: the count was reached before the service
     * watched, so the rungs it is past are marked as passed. Call before {@link #record}.
     */
    public synchronized OptionalLong crossing(long count, Milestones ladder) {
        OptionalLong previous = lastCount();
        OptionalLong reached = ladder.highestAtOrBelow(count);
        if (reached.isEmpty() || reached.getAsLong() <= celebrated) {
            return OptionalLong.empty();
        }
        celebrated = reached.getAsLong();
        // Backfilled days alone are not a live reading: the first live one still celebrates nothing.
        if (previous.isEmpty() || liveSinceDay == Long.MAX_VALUE || previous.getAsLong() >= celebrated) {
            return OptionalLong.empty();
        }
        return reached;
    }

    /** Takes {@code other}'s points and marks (a reload of the fleet's document into this copy). */
    synchronized void replaceWith(SourceHistory other) {
        synchronized (other) {
            raw = other.raw;
            hours = other.hours;
            days = other.days;
            celebrated = other.celebrated;
            liveSinceDay = other.liveSinceDay;
        }
    }

    /** The highest milestone celebrated or passed before the history began (0 when none). */
    public synchronized long celebrated() {
        return celebrated;
    }

    private Series series(Step step) {
        return switch (step) {
            case RAW -> raw;
            case HOUR -> hours;
            case DAY -> days;
        };
    }
}
