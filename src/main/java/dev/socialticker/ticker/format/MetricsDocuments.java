package dev.socialticker.ticker.format;

import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.Growth;
import dev.socialticker.ticker.domain.HistoryFacts;
import dev.socialticker.ticker.domain.HistoryPoint;
import dev.socialticker.ticker.domain.HistorySum;
import dev.socialticker.ticker.domain.MilestoneForecast;
import dev.socialticker.ticker.domain.NextMilestone;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.Staleness;
import dev.socialticker.ticker.domain.SummedGrowth;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.format.MetricsDocument.ErrorDocument;
import dev.socialticker.ticker.format.MetricsDocument.GrowthDocument;
import dev.socialticker.ticker.format.MetricsDocument.MilestoneDocument;
import dev.socialticker.ticker.format.MetricsDocument.PartialGrowthDocument;
import dev.socialticker.ticker.format.MetricsDocument.SourceDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contract's JSON documents ({@link MetricsDocument}) and the {@link Reading} every other format
 * shows, as functions of sources' states and their history's facts at a moment. The API renders its
 * view with them and the outputs render what they push with them: one rule, so a push and a read of
 * the same state are the same document.
 *
 * @param staleness the one staleness rule
 * @param startedAt since when a source without a count has had none ({@code NO_DATA}'s {@code at})
 */
public record MetricsDocuments(Staleness staleness, Instant startedAt) {

    public MetricsDocuments {
        Objects.requireNonNull(staleness, "staleness");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /**
     * One source as shown at a moment.
     *
     * @param freshUntil when it turns stale; null when it is (no count, a failure, or too old)
     * @param growth     its growth; null without a count or without its history's facts
     * @param days       the last count of each recent day, today's being the count; empty then too
     */
    public record Shown(
            SourceState state,
            HistoryFacts facts,
            Instant freshUntil,
            Growth growth,
            List<Long> days,
            SourceDocument document,
            Reading reading) {

        public boolean stale() {
            return freshUntil == null;
        }

        /** Whether this is how {@code state} with {@code facts} shows at {@code now}: nothing to render again. */
        public boolean shows(SourceState state, HistoryFacts facts, Instant freshUntil, Instant now) {
            return this.state.equals(state)
                    && this.facts.equals(facts)
                    && Objects.equals(this.freshUntil, freshUntil)
                    && days.equals(daysOf(state, facts, now));
        }
    }

    /** Several sources as one body (all of them, or a named ticker's). */
    public record Combined(
            MetricsDocument document, Reading reading, Instant freshUntil, List<TickerSource> staleSources) {

        /** No source has a count. */
        public boolean noData() {
            return document.total() == null;
        }
    }

    /** When {@code state} turns stale at {@code now}; null when it is stale already. */
    public Instant freshUntil(SourceState state, Instant now) {
        return staleness.freshUntil(state, now);
    }

    /** A source's document and reading, with its history's facts when they are about its count. */
    public Shown source(SourceState state, HistoryFacts facts, Instant now) {
        Instant freshUntil = freshUntil(state, now);
        boolean stale = freshUntil == null;
        boolean told = facts.about(state);
        Growth growth = told ? facts.growth() : null;
        NextMilestone next = told ? facts.next() : null;
        SourceDocument document = new SourceDocument(
                state.source().id(),
                state.source().provider(),
                state.hasData() ? state.snapshot().profile() : null,
                state.hasData() ? state.snapshot().total() : null,
                state.hasData() ? iso(state.snapshot().refreshedAt()) : null,
                state.hasData() ? iso(staleness.staleAt(state.snapshot())) : null,
                stale,
                errorOf(state),
                growthDocument(growth),
                milestoneDocument(next));
        List<Long> days = daysOf(state, facts, now);
        Reading reading = document.total() == null
                ? Reading.none()
                : new Reading(
                        document.total(),
                        document.profile(),
                        state.failure() != null ? CountState.FAILING : stale ? CountState.STALE : CountState.FRESH,
                        told ? facts.previousMilestone() : 0,
                        next == null ? null : next.value(),
                        days);
        return new Shown(state, facts, freshUntil, growth, days, document, reading);
    }

    /**
     * A source's last count of each recent day, oldest first, today's being its count: from its
     * history's facts about that count; empty without a count or without the facts (history off).
     */
    private static List<Long> daysOf(SourceState state, HistoryFacts facts, Instant now) {
        if (!facts.about(state)) {
            return List.of();
        }
        return withToday(
                facts.daysBefore(HistoryFacts.dayOf(now)), state.snapshot().total());
    }

    /** The days before today's, then {@code today}. */
    private static List<Long> withToday(List<Long> before, long today) {
        List<Long> days = new ArrayList<>(before.size() + 1);
        days.addAll(before);
        days.add(today);
        return List.copyOf(days);
    }

    /**
     * The body of several sources from their shown parts.
     *
     * @param forecast the milestone rule for the total; null with history off
     */
    public Combined combined(List<Shown> parts, Instant now, MilestoneForecast forecast) {
        List<SourceState> states = parts.stream().map(Shown::state).toList();
        List<TickerSource> staleSources = parts.stream()
                .filter(Shown::stale)
                .map(part -> part.state().source())
                .toList();
        Instant freshUntil = staleSources.isEmpty()
                ? parts.stream()
                        .map(Shown::freshUntil)
                        .min(Comparator.naturalOrder())
                        .orElse(null)
                : null;
        List<Shown> withData =
                parts.stream().filter(part -> part.state().hasData()).toList();
        Long total = withData.isEmpty()
                ? null
                : withData.stream()
                        .mapToLong(part -> part.state().snapshot().total())
                        .sum();
        Instant refreshedAt = withData.stream()
                .map(part -> part.state().snapshot().refreshedAt())
                .min(Comparator.naturalOrder())
                .orElse(null);
        // The sum of the sources' growth (each up to its own reading); the date of the next
        // milestone is estimated from the body's refreshedAt, the oldest reading in the total, and
        // from the whole growth only (a part's rate is not the total's).
        Map<String, Growth> growths = new LinkedHashMap<>();
        parts.stream()
                .filter(part -> part.growth() != null)
                .forEach(part -> growths.put(part.state().source().id(), part.growth()));
        SummedGrowth summed = SummedGrowth.of(growths);
        Growth growth = summed == null ? null : summed.whole();
        NextMilestone next = growth == null || forecast == null
                ? null
                : forecast.next(total, growth, refreshedAt).orElse(null);
        MetricsDocument document = new MetricsDocument(
                total,
                states.size() == 1 && states.get(0).hasData()
                        ? states.get(0).snapshot().profile()
                        : null,
                refreshedAt == null ? null : iso(refreshedAt),
                withData.stream()
                        .map(part -> staleness.staleAt(part.state().snapshot()))
                        .min(Comparator.naturalOrder())
                        .map(MetricsDocuments::iso)
                        .orElse(null),
                !staleSources.isEmpty(),
                aggregateError(states, withData.isEmpty()),
                growthDocument(summed),
                milestoneDocument(next),
                parts.stream().map(Shown::document).toList());
        List<Long> days = total == null || forecast == null ? List.of() : withToday(summedDays(withData, now), total);
        Reading reading = total == null
                ? Reading.none()
                : new Reading(
                        total,
                        document.profile(),
                        states.stream().anyMatch(s -> s.failure() != null)
                                ? CountState.FAILING
                                : staleSources.isEmpty() ? CountState.FRESH : CountState.STALE,
                        forecast == null ? 0 : forecast.previous(total),
                        next == null ? null : next.value(),
                        days);
        return new Combined(document, reading, freshUntil, staleSources);
    }

    /** The sources' recent days before today added up ({@link HistorySum}), from their facts. */
    private static List<Long> summedDays(List<Shown> withData, Instant now) {
        LocalDate today = HistoryFacts.dayOf(now);
        List<HistorySum.Part> sums = withData.stream()
                .map(Shown::facts)
                .map(facts -> new HistorySum.Part(facts.countBeforeShownOn(today), facts.daysShownOn(today)))
                .toList();
        return HistorySum.of(sums, HistoryFacts.RECENT_DAYS).stream()
                .map(HistoryPoint::count)
                .toList();
    }

    private static GrowthDocument growthDocument(Growth growth) {
        return growth == null
                ? null
                : new GrowthDocument(
                        growth.oneDay(), growth.sevenDays(), growth.thirtyDays(), growth.approximate(), null);
    }

    /** A sum's growth, with the growth of the sources that have it while others have none yet. */
    private static GrowthDocument growthDocument(SummedGrowth summed) {
        if (summed == null) {
            return null;
        }
        Growth whole = summed.whole();
        Growth partial = summed.partial();
        return new GrowthDocument(
                whole.oneDay(),
                whole.sevenDays(),
                whole.thirtyDays(),
                whole.approximate(),
                partial == null
                        ? null
                        : new PartialGrowthDocument(
                                partial.oneDay(),
                                partial.sevenDays(),
                                partial.thirtyDays(),
                                partial.approximate(),
                                summed.covered()));
    }

    private static MilestoneDocument milestoneDocument(NextMilestone next) {
        return next == null ? null : new MilestoneDocument(next.value(), next.eta() == null ? null : iso(next.eta()));
    }

    /** The most recent real failure; NO_DATA only when no source has anything to show. */
    private ErrorDocument aggregateError(List<SourceState> states, boolean noData) {
        return states.stream()
                .filter(s -> s.failure() != null)
                .max(Comparator.comparing(s -> s.failure().at()))
                .map(this::errorOf)
                .orElse(noData ? errorOf(states.get(0)) : null);
    }

    private ErrorDocument errorOf(SourceState state) {
        Failure failure = state.failure();
        if (failure != null) {
            return new ErrorDocument(
                    failure.code().name(),
                    failure.message(),
                    iso(failure.at()),
                    failure.httpStatus(),
                    failure.attempts());
        }
        if (!state.hasData()) {
            return new ErrorDocument(
                    FailureCode.NO_DATA.name(), "No data has been fetched yet", iso(startedAt), null, 0);
        }
        return null;
    }

    /** An instant as the contract writes it: UTC, to the second. */
    public static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
