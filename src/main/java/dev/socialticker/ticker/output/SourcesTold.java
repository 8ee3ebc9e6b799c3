package dev.socialticker.ticker.output;

import dev.socialticker.ticker.domain.HistoryChanged;
import dev.socialticker.ticker.domain.HistoryFacts;
import dev.socialticker.ticker.domain.SourceReported;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.SourceTurnedStale;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The outputs' read model: what they were last told of each source, from the hub's events alone.
 * {@link OutputFeed} keeps it and decides the pushes from it; {@link SourceBodies} renders what is
 * pushed from it. A source's state and its history's facts arrive together ({@link SourceReported}),
 * so a pushed body shows a count with its own growth.
 */
@Component
class SourcesTold {

    /**
     * What the outputs were last told of a source.
     *
     * @param sequence the store's sequence of the change that told it (newest wins)
     * @param facts    its history's facts about the state's count (or NONE)
     * @param stale    whether it was stale when told (no count, too old, or failing)
     */
    record Told(long sequence, SourceState state, HistoryFacts facts, boolean stale) {
        /** The count; null for a source without one. */
        Long count() {
            return state.hasData() ? state.snapshot().total() : null;
        }
    }

    private final Map<String, Told> told = new ConcurrentHashMap<>();

    /**
     * Keeps a reported change unless a newer one of its source came first.
     *
     * @return the change kept: {@code now} when it was, the newer one when it was not
     */
    Told report(SourceReported report, boolean stale) {
        Told now = new Told(report.change().sequence(), report.change().current(), report.facts(), stale);
        return told.compute(
                report.source().id(), (key, last) -> last != null && last.sequence() > now.sequence() ? last : now);
    }

    /** Marks a source stale when the state that turned is still the one told; null when it is not. */
    Told turnedStale(SourceTurnedStale turned) {
        Told kept = told.computeIfPresent(
                turned.source().id(),
                (key, last) -> last.state().equals(turned.state()) && !last.stale()
                        ? new Told(last.sequence(), last.state(), last.facts(), true)
                        : last);
        return kept != null && kept.stale() && kept.state().equals(turned.state()) ? kept : null;
    }

    /** Keeps new facts when they are about the count told and differ; null when nothing changed. */
    Told historyChanged(HistoryChanged changed) {
        HistoryFacts facts = changed.facts();
        Told kept = told.computeIfPresent(
                changed.source().id(),
                (key, last) -> facts.about(last.state()) && !facts.equals(last.facts())
                        ? new Told(last.sequence(), last.state(), facts, last.stale())
                        : last);
        return kept != null && kept.facts() == facts ? kept : null;
    }

    /** What was last told of a source; null before anything was. */
    Told of(String id) {
        return told.get(id);
    }

    Collection<Told> all() {
        return told.values();
    }
}
