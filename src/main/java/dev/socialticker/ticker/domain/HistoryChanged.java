package dev.socialticker.ticker.domain;

import java.util.Objects;

/**
 * A source's history changed other than by a reading (readings are told with their count,
 * {@link SourceReported}): what was shown of its latest count (growth, the recent days) may have
 * moved, so whoever shows it shows it again with these facts.
 *
 * @param facts the history's facts about the latest reading it reported of the source (NONE when
 *              it reported none with a count)
 */
public record HistoryChanged(TickerSource source, Cause cause, HistoryFacts facts) implements TickerEvent {

    public enum Cause {
        /** Days were added or corrected by an operator ({@code POST /api/admin/history/{id}}). */
        BACKFILL,
        /** Points past their retention were dropped. */
        COMPACTED,
        /** The fleet's copy was read again (the shared mode): another instance may have changed it. */
        RELOADED
    }

    public HistoryChanged {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(facts, "facts");
    }

    @Override
    public String subject() {
        return "source " + source.id() + " (" + cause + ")";
    }
}
