package dev.socialticker.ticker.domain;

/**
 * Everything a feature learns from another, as one sealed family published on the one
 * publish-subscribe hub ({@code event.EventEndpoints#HUB}, through {@code event.TickerEvents}).
 * Each subscriber keeps what it needs of them (its read model) and never asks the publisher back:
 * the table of who publishes what and who listens is docs/how-it-works.md, "The hub", checked
 * against the running routes by a test.
 */
public sealed interface TickerEvent
        permits SourceChanged,
                SourceReported,
                SourceTurnedStale,
                HistoryChanged,
                MilestoneReached,
                ProviderRouteReplaced,
                TokenChanged {

    /** The event's name in logs, metrics ({@code ticker_events_dropped_total{event}}) and the docs. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** What the event is about, for log lines: a source or a provider, never a count or a secret. */
    String subject();
}
