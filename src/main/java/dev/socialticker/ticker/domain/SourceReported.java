package dev.socialticker.ticker.domain;

import java.util.Objects;

/**
 * A {@link SourceChanged}, told on by the history with what it knows of the new count (its
 * {@link HistoryFacts}: {@link HistoryFacts#NONE} with history off or without a count). The history
 * reports every change it receives exactly once, in the order received, whether or not it recorded
 * a point; what shows a count (the API's view, the outputs) follows these, so a count and its growth
 * and recent days always arrive together.
 *
 * @param ordinal how many changes the history has received, this one included: a reader that answers
 *                with everything written before a moment (the API's view) waits until it has the
 *                report of every change the hub took before it
 */
public record SourceReported(SourceChanged change, HistoryFacts facts, long ordinal) implements TickerEvent {

    public SourceReported {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(facts, "facts");
    }

    public TickerSource source() {
        return change.source();
    }

    @Override
    public String subject() {
        return change.subject();
    }
}
