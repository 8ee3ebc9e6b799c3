package dev.socialticker.ticker.domain;

import java.util.Objects;

/**
 * A source's history changed. A reading only adds today's point; the other causes can move what
 * was read before (growth, the next milestone's estimate, the recent days), so whoever shows them
 * renders that source again.
 */
public record HistoryChanged(TickerSource source, Cause cause) implements TickerEvent {

    public enum Cause {
        /** A count was recorded (this instance read it, or it followed the fleet's reading). */
        READING,
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
    }

    /** True when the change can move more than today's point. */
    public boolean reshapes() {
        return cause != Cause.READING;
    }

    @Override
    public String subject() {
        return "source " + source.id() + " (" + cause + ")";
    }
}
