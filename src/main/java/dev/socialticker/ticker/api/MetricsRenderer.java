package dev.socialticker.ticker.api;

import dev.socialticker.ticker.api.MetricsDocument.ErrorDocument;
import dev.socialticker.ticker.api.MetricsDocument.GrowthDocument;
import dev.socialticker.ticker.api.MetricsDocument.MilestoneDocument;
import dev.socialticker.ticker.api.MetricsDocument.PartialGrowthDocument;
import dev.socialticker.ticker.api.MetricsDocument.SourceDocument;
import dev.socialticker.ticker.config.NamedTickers;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.HistoryChanged;
import dev.socialticker.ticker.domain.HttpDates;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.SourceTurnedStale;
import dev.socialticker.ticker.domain.Staleness;
import dev.socialticker.ticker.domain.TickerEvent;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.HubCursor;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.format.AwtrixApp;
import dev.socialticker.ticker.format.BadgeSvg;
import dev.socialticker.ticker.format.CountState;
import dev.socialticker.ticker.format.LametricFrames;
import dev.socialticker.ticker.format.Reading;
import dev.socialticker.ticker.format.ShieldsEndpoint;
import dev.socialticker.ticker.history.Growth;
import dev.socialticker.ticker.history.HistoryBook;
import dev.socialticker.ticker.history.HistoryPoint;
import dev.socialticker.ticker.history.Milestones;
import dev.socialticker.ticker.history.NextMilestone;
import dev.socialticker.ticker.history.Step;
import dev.socialticker.ticker.history.SummedGrowth;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.refresh.RefreshSchedule;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders the view's own read model of every source's state into a {@link MetricsView} after it
 * changes, and when data crosses its stale-after age, so the read path only hands out bytes. The
 * read model is built from the hub's events alone ({@link #received}: each {@link SourceChanged}
 * replaces its source's state, the newest by sequence winning); the store is never asked. A read
 * right after a write still sees it: a read waits (briefly, a second at most, {@link #CATCH_UP}) until the
 * view has received every event published before it began ({@link TickerEvents#published()}).
 *
 * <p>With many sources, changes arrive faster than a whole view can be rendered, so from
 * {@value #PACED_FROM_SOURCES} sources on rendering is coalesced and paced: a change schedules one
 * render on the {@code ticker-render} thread, no sooner than {@value #RENDER_SHARE}× the last
 * render's duration after it, so rendering takes at most about a tenth of a core however fast
 * sources change, and neither a refresh nor a read ever waits for it. Below that a render takes
 * microseconds and happens on whichever thread first learns of the change (the read that finds the
 * read model moved, or the hub's subscriber): the next read sees a store at once. Either way
 * a source whose state and staleness did not change keeps its rendered body: a render costs one
 * serialisation of the whole body (and of each named ticker's), not one per source.
 */
@Component
class MetricsRenderer {
    private static final Logger log = LoggerFactory.getLogger(MetricsRenderer.class);
    private final SourceCatalog catalog;
    private final NamedTickers tickers;
    private final Staleness staleness;
    private final HistoryBook history;
    private final Clock clock;
    private final JsonDocuments json;
    private final Instant startedAt;
    private final FormatProperties formats;
    private final Milestones ladder;
    /** shields' cacheSeconds: a new count can come once a period (shields keeps at least 300 s). */
    private final int shieldsCacheSeconds;
    /** AWTRIX's lifetime: a body older than stale-after is stale data, whoever forgot to send the next. */
    private final int awtrixLifetimeSeconds;
    /** The days a chart of recent days covers: two weeks and today. */
    static final int CHART_DAYS = LametricFrames.CHART_DAYS;
    /** Renders wait this many times their own duration before the next one (about 10 % of a core). */
    static final int RENDER_SHARE = 9;
    /**
     * Below this many sources a render takes microseconds: every read after a change renders, and
     * a store is visible to the very next read. From here on renders are paced.
     */
    static final int PACED_FROM_SOURCES = 100;
    /**
     * How long a read waits for the hub to bring it what was published before it: microseconds
     * normally; bounded so a hub held up by a slow subscriber never holds up the reads for long.
     */
    static final Duration CATCH_UP = Duration.ofSeconds(1);

    /** Each source's state as the events told it, with the sequence of the change that did. */
    private record Seen(long sequence, SourceState state) {}

    private final Map<String, Seen> states = new ConcurrentHashMap<>();
    /** Grows with every change applied to {@link #states}: a view rendered before it moved is behind. */
    private final AtomicLong applied = new AtomicLong();
    /** How far this view has read the hub (each event counted once applied). */
    private final HubCursor cursor;

    private final boolean paced;
    private final AtomicReference<MetricsView> current = new AtomicReference<>();
    private final AtomicBoolean renderScheduled = new AtomicBoolean();
    private final ReentrantLock rendering = new ReentrantLock();
    /** With many sources, renders run here, off the threads that store and the threads that read. */
    private final ScheduledThreadPoolExecutor renderer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "ticker-render");
        thread.setDaemon(true);
        return thread;
    });

    private volatile long nextRenderNanos = System.nanoTime();
    /** Each source's body as last rendered, with the state it was rendered from. */
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    /**
     * A source's rendered body and what it was rendered from. Growth is part of the key: a backfill
     * or a compaction changes it while the source's state stays the same.
     */
    private record Rendered(
            SourceState state,
            Instant freshUntil,
            Growth growth,
            NextMilestone next,
            List<Long> days,
            SourceDocument document,
            RenderedBody body) {

        /** True when this body was rendered from exactly these. */
        boolean renders(SourceState state, Instant freshUntil, Growth growth, NextMilestone next, List<Long> days) {
            return this.state.equals(state)
                    && Objects.equals(this.freshUntil, freshUntil)
                    && Objects.equals(this.growth, growth)
                    && Objects.equals(this.next, next)
                    && this.days.equals(days);
        }
    }

    MetricsRenderer(
            SourceCatalog catalog,
            NamedTickers tickers,
            TickerEvents events,
            RefreshSchedule schedule,
            HistoryBook history,
            Clock clock,
            JsonDocuments json,
            FormatProperties formats) {
        this.catalog = catalog;
        this.formats = formats;
        this.ladder = history.settings().ladder();
        this.shieldsCacheSeconds =
                (int) Math.min(Integer.MAX_VALUE, schedule.period().toSeconds());
        this.awtrixLifetimeSeconds =
                (int) Math.min(Integer.MAX_VALUE, schedule.staleAfter().toSeconds());
        this.tickers = tickers;
        this.cursor = new HubCursor(events);
        catalog.all().forEach(source -> states.put(source.id(), new Seen(-1, SourceState.empty(source))));
        this.staleness = schedule.staleness();
        this.history = history;
        this.clock = clock;
        this.json = json;
        this.startedAt = clock.instant();
        this.paced = catalog.all().size() >= PACED_FROM_SOURCES;
        current.set(renderAt(clock.instant()));
    }

    /** A source or a history has changed since {@code view} was rendered. */
    private boolean behind(MetricsView view) {
        return view.version() != applied.get() || view.historyVersion() != history.version();
    }

    /**
     * One event of the hub (route {@code render-view}, which hands over every event): a change is
     * applied to the read model, unless a newer one of its source came first; then the view is
     * rendered again as {@link #changed} says. Counted after it is applied, for the reads waiting.
     */
    void received(TickerEvent event) {
        if (event instanceof SourceChanged change) {
            Seen now = new Seen(change.sequence(), change.current());
            Seen kept = states.merge(
                    change.source().id(), now, (was, next) -> next.sequence() > was.sequence() ? next : was);
            if (kept == now) {
                applied.incrementAndGet();
            }
        }
        cursor.received();
        // A reading only adds today's point, which the body takes from the count itself.
        if (event instanceof SourceChanged
                || event instanceof SourceTurnedStale
                || (event instanceof HistoryChanged history && history.reshapes())) {
            changed();
        }
    }

    /**
     * The view to serve now. When a source or a history changed since the last render, or data has
     * turned stale since, it renders first (every read waits for that one: a read right after a store
     * sees it, and a view must not call stale data fresh); with many sources it asks the renderer
     * thread instead and serves the previous view meanwhile.
     */
    MetricsView view() {
        cursor.catchUp(CATCH_UP);
        MetricsView view = current.get();
        if (behind(view) || !clock.instant().isBefore(view.turnsStaleAt())) {
            if (paced) {
                changed();
                return view;
            }
            rendering.lock();
            try {
                return current.get() == view ? renderNow() : current.get();
            } finally {
                rendering.unlock();
            }
        }
        return view;
    }

    /**
     * One source's body as of the view's read model now, or null for a source not configured. With
     * few sources, the view's own (it is current). With many, the view as a whole is paced, so a
     * source whose rendered body is older than its state (or its staleness, growth, next milestone)
     * is rendered now, alone (microseconds) and kept: a single source's reader and an output pushing
     * a change get the body of the newest state the view knows, never one the pace left behind.
     */
    RenderedBody sourceBody(String id) {
        if (!paced) {
            return view().bySource().get(id);
        }
        cursor.catchUp(CATCH_UP);
        Seen seen = states.get(id);
        if (seen == null) {
            return null;
        }
        return renderedNow(seen.state(), clock.instant()).body();
    }

    /**
     * A source changed, turned stale, or its history changed (route render-view, a subscriber of the
     * hub). With few sources
     * the view is rendered at once, on that route's thread; with many, the renderer thread renders
     * it once for all the changes since, no sooner than the pace allows.
     */
    void changed() {
        if (!paced) {
            rendering.lock();
            try {
                if (behind(current.get())) {
                    renderNow(); // unless a read has rendered this version already
                }
            } finally {
                rendering.unlock();
            }
            return;
        }
        if (renderScheduled.compareAndSet(false, true)) {
            long delay = Math.max(0, nextRenderNanos - System.nanoTime());
            renderer.schedule(this::renderInBackground, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void renderInBackground() {
        // Cleared first: a change during the render schedules the next one.
        renderScheduled.set(false);
        rendering.lock();
        try {
            renderNow();
        } catch (RuntimeException unexpected) {
            log.error("Rendering the metrics view failed; the previous view is served", unexpected);
        } finally {
            rendering.unlock();
        }
    }

    @PreDestroy
    void stop() {
        renderer.shutdownNow();
    }

    private MetricsView renderNow() {
        long start = System.nanoTime();
        MetricsView view = renderAt(clock.instant());
        current.set(view);
        long end = System.nanoTime();
        nextRenderNanos = end + RENDER_SHARE * (end - start);
        return view;
    }

    private MetricsView renderAt(Instant now) {
        // Read before the states: a write that lands meanwhile leaves the view one version behind,
        // so the next read renders again rather than keep a view that misses it.
        long version = applied.get();
        long historyVersion = history.version();
        List<SourceState> states = catalog.all().stream()
                .map(source -> this.states.get(source.id()).state())
                .toList();
        Map<String, Rendered> parts = new LinkedHashMap<>();
        Map<String, RenderedBody> bySource = new LinkedHashMap<>();
        Instant turnsStaleAt = Instant.MAX;
        for (SourceState state : states) {
            Rendered one = renderedNow(state, now);
            Instant freshUntil = one.freshUntil();
            parts.put(state.source().id(), one);
            bySource.put(state.source().id(), one.body());
            if (freshUntil != null && freshUntil.isBefore(turnsStaleAt)) {
                turnsStaleAt = freshUntil;
            }
        }
        Map<String, RenderedBody> byTicker = new LinkedHashMap<>();
        tickers.all()
                .forEach((name, sources) -> byTicker.put(
                        name,
                        combine(
                                sources.stream()
                                        .map(source -> parts.get(source.id()))
                                        .toList(),
                                now)));
        return new MetricsView(
                combine(List.copyOf(parts.values()), now),
                Map.copyOf(bySource),
                Map.copyOf(byTicker),
                turnsStaleAt,
                version,
                historyVersion);
    }

    /**
     * A source's body for its state at {@code now}: the one rendered before when its state, its
     * freshness, growth, next milestone and recent days are still those, else rendered now and kept.
     */
    private Rendered renderedNow(SourceState state, Instant now) {
        Instant freshUntil = freshUntil(state, now);
        Growth growth = growthOf(state);
        NextMilestone next = growth == null
                ? null
                : nextMilestone(
                        state.snapshot().total(), growth, state.snapshot().refreshedAt());
        List<Long> days = daysOf(state, now);
        Rendered one = rendered.get(state.source().id());
        if (one == null || !one.renders(state, freshUntil, growth, next, days)) {
            one = renderOne(state, freshUntil, growth, next, days);
            rendered.put(state.source().id(), one);
        }
        return one;
    }

    /** A source's growth up to its reading; null without data or with history off. */
    private Growth growthOf(SourceState state) {
        if (!state.hasData() || !history.enabled()) {
            return null;
        }
        return history.growth(
                state.source(), state.snapshot().total(), state.snapshot().refreshedAt());
    }

    /**
     * A source's last count of each recent day, oldest first, today's being its count now; empty
     * without data or with history off. Today's is the snapshot's own count, not the history's: the
     * history records a reading after the store announces it, and this body must not lag behind.
     */
    private List<Long> daysOf(SourceState state, Instant now) {
        if (!state.hasData() || !history.enabled()) {
            return List.of();
        }
        List<HistoryPoint> before = history.of(state.source().id())
                .points(Step.DAY, chartFrom(now), startOfDay(now).minusSeconds(1));
        return withToday(before, state.snapshot().total());
    }

    private static Instant chartFrom(Instant now) {
        return startOfDay(now).minus(Duration.ofDays(CHART_DAYS - 1));
    }

    private static Instant startOfDay(Instant instant) {
        return instant.truncatedTo(ChronoUnit.DAYS);
    }

    /** The days before today's, then {@code today}. */
    private static List<Long> withToday(List<HistoryPoint> before, long today) {
        List<Long> days = new ArrayList<>(before.size() + 1);
        before.forEach(point -> days.add(point.count()));
        days.add(today);
        return List.copyOf(days);
    }

    private NextMilestone nextMilestone(long total, Growth growth, Instant at) {
        return history.nextMilestone(total, growth, at).orElse(null);
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

    /** The body of several sources (all of them, or a named ticker's) from their rendered parts. */
    private RenderedBody combine(List<Rendered> parts, Instant now) {
        List<SourceState> states = parts.stream().map(Rendered::state).toList();
        List<SourceDocument> documents = parts.stream().map(Rendered::document).toList();
        List<TickerSource> staleSources = parts.stream()
                .filter(part -> part.freshUntil() == null)
                .map(part -> part.state().source())
                .toList();
        Instant freshUntil = staleSources.isEmpty()
                ? parts.stream()
                        .map(Rendered::freshUntil)
                        .min(Comparator.naturalOrder())
                        .orElse(null)
                : null;
        List<SourceState> withData =
                states.stream().filter(SourceState::hasData).toList();
        Long total = withData.isEmpty()
                ? null
                : withData.stream().mapToLong(s -> s.snapshot().total()).sum();
        Instant refreshedAt = withData.stream()
                .map(s -> s.snapshot().refreshedAt())
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
        NextMilestone next = growth == null ? null : nextMilestone(total, growth, refreshedAt);
        MetricsDocument document = new MetricsDocument(
                total,
                states.size() == 1 && states.get(0).hasData()
                        ? states.get(0).snapshot().profile()
                        : null,
                refreshedAt == null ? null : iso(refreshedAt),
                withData.stream()
                        .map(this::staleAt)
                        .min(Comparator.naturalOrder())
                        .map(MetricsRenderer::iso)
                        .orElse(null),
                !staleSources.isEmpty(),
                aggregateError(states, withData.isEmpty()),
                growthDocument(summed),
                milestoneDocument(next),
                documents);
        List<Long> days = total == null || !history.enabled()
                ? List.of()
                : withToday(
                        history.summed(
                                withData.stream().map(SourceState::source).toList(),
                                Step.DAY,
                                chartFrom(now),
                                startOfDay(now).minusSeconds(1),
                                CHART_DAYS),
                        total);
        Reading reading = reading(
                total,
                document.profile(),
                total == null
                        ? CountState.NO_COUNT
                        : states.stream().anyMatch(s -> s.failure() != null)
                                ? CountState.FAILING
                                : staleSources.isEmpty() ? CountState.FRESH : CountState.STALE,
                next,
                days);
        return body(
                document,
                reading,
                document.profile(),
                lastModified(states),
                freshUntil,
                staleSources,
                withData.isEmpty());
    }

    /** One source's document and body; {@code freshUntil} null when stale. */
    private Rendered renderOne(
            SourceState state, Instant freshUntil, Growth growth, NextMilestone next, List<Long> days) {
        boolean stale = freshUntil == null;
        SourceDocument document = new SourceDocument(
                state.source().id(),
                state.source().provider(),
                state.hasData() ? state.snapshot().profile() : null,
                state.hasData() ? state.snapshot().total() : null,
                state.hasData() ? iso(state.snapshot().refreshedAt()) : null,
                state.hasData() ? iso(staleAt(state)) : null,
                stale,
                errorOf(state),
                growthDocument(growth),
                milestoneDocument(next));
        Reading reading = reading(
                document.total(),
                document.profile(),
                !state.hasData()
                        ? CountState.NO_COUNT
                        : state.failure() != null ? CountState.FAILING : stale ? CountState.STALE : CountState.FRESH,
                next,
                days);
        RenderedBody body = body(
                document,
                reading,
                document.profile() != null ? document.profile() : state.source().id(),
                lastModified(List.of(state)),
                freshUntil,
                stale ? List.of(state.source()) : List.of(),
                !state.hasData());
        return new Rendered(state, freshUntil, growth, next, days, document, body);
    }

    /**
     * When the data behind a body last changed: its newest snapshot or failure. Crossing the stale
     * age changes the body too, but not the data; caches revalidate by ETag, which follows the bytes.
     */
    private String lastModified(List<SourceState> states) {
        Instant latest = startedAt;
        for (SourceState state : states) {
            if (state.hasData() && state.snapshot().refreshedAt().isAfter(latest)) {
                latest = state.snapshot().refreshedAt();
            }
            if (state.failure() != null && state.failure().at().isAfter(latest)) {
                latest = state.failure().at();
            }
        }
        return HttpDates.format(latest);
    }

    /**
     * When a source's data turns stale by age alone: part of the body, so that a copy read late
     * (from a CDN, a browser cache, a stored file) still says how long it was good for. It moves
     * only when the data does, so the bytes and their ETag stay per snapshot.
     */
    private Instant staleAt(SourceState state) {
        return staleness.staleAt(state.snapshot());
    }

    private Instant freshUntil(SourceState state, Instant now) {
        return staleness.freshUntil(state, now);
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

    /** What every other format shows of a count (format.Reading). */
    private Reading reading(Long total, String profile, CountState state, NextMilestone next, List<Long> days) {
        if (total == null) {
            return Reading.none();
        }
        long previous = ladder.highestAtOrBelow(total).orElse(0);
        return new Reading(total, profile, state, previous, next == null ? null : next.value(), days);
    }

    /**
     * The body in the contract's JSON and in every other format, each with its ETag.
     *
     * @param about who the count is of, for the badge's title
     */
    private RenderedBody body(
            Object document,
            Reading reading,
            String about,
            String lastModified,
            Instant freshUntil,
            List<TickerSource> staleSources,
            boolean noData) {
        byte[] bytes = bytes(document);
        Map<MetricsFormat, RenderedBody.Alternative> alternatives = new EnumMap<>(MetricsFormat.class);
        alternatives.put(MetricsFormat.SMIIRL, alternative(bytes(new MetricsDocument.SmiirlDocument(reading.count()))));
        alternatives.put(
                MetricsFormat.SHIELDS,
                alternative(bytes(ShieldsEndpoint.of(reading, formats.label(), shieldsCacheSeconds))));
        alternatives.put(
                MetricsFormat.LAMETRIC, alternative(bytes(LametricFrames.of(reading, formats.lametricIcon()))));
        alternatives.put(
                MetricsFormat.AWTRIX,
                alternative(bytes(AwtrixApp.of(reading, formats.awtrixIcon(), awtrixLifetimeSeconds))));
        alternatives.put(
                MetricsFormat.BADGE,
                alternative(BadgeSvg.of(reading, formats.label(), about).getBytes(StandardCharsets.UTF_8)));
        return new RenderedBody(
                bytes, strongEtag(bytes), lastModified, freshUntil, staleSources, noData, Map.copyOf(alternatives));
    }

    private static RenderedBody.Alternative alternative(byte[] bytes) {
        return new RenderedBody.Alternative(bytes, strongEtag(bytes));
    }

    /** Through the service's JSON data format, here at render time: a read never serialises. */
    private byte[] bytes(Object document) {
        return json.write(document);
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A strong validator: equal bytes, equal tag; any change of the body changes it. */
    static String strongEtag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"'
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 27)
                    + '"';
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
