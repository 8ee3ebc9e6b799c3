package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.FormatProperties;
import dev.socialticker.ticker.config.NamedTickers;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.HistoryChanged;
import dev.socialticker.ticker.domain.HistoryFacts;
import dev.socialticker.ticker.domain.HttpDates;
import dev.socialticker.ticker.domain.MilestoneForecast;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceReported;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.SourceTurnedStale;
import dev.socialticker.ticker.domain.TickerEvent;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.HubCursor;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.format.AwtrixApp;
import dev.socialticker.ticker.format.BadgeSvg;
import dev.socialticker.ticker.format.LametricFrames;
import dev.socialticker.ticker.format.MetricsDocument;
import dev.socialticker.ticker.format.MetricsDocuments;
import dev.socialticker.ticker.format.MetricsDocuments.Combined;
import dev.socialticker.ticker.format.MetricsDocuments.Shown;
import dev.socialticker.ticker.format.Reading;
import dev.socialticker.ticker.format.ShieldsEndpoint;
import dev.socialticker.ticker.history.HistoryProperties;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import dev.socialticker.ticker.refresh.RefreshSchedule;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Renders the view's own read model of every source's state into a {@link MetricsView} after it
 * changes, and when data crosses its stale-after age, so the read path only hands out bytes. The
 * read model is built from the hub's events alone ({@link #received}): each {@link SourceReported}
 * (a store's change as the history told it on, with its {@link HistoryFacts}) replaces its source's
 * state and facts together, the newest by sequence winning, and a {@link HistoryChanged} replaces
 * the facts of the count they are about. Neither the store nor the history is ever asked; the
 * documents are {@link MetricsDocuments}', the outputs' too. A read right after a write still sees
 * it, with its growth: a read waits (briefly, a second at most in all, {@link #CATCH_UP}) until the
 * view has received every event published before it began ({@link TickerEvents#published()}) and
 * the history's report of every change among them ({@link TickerEvents#changesPublished()}).
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
    private final Clock clock;
    private final JsonDocuments json;
    private final Instant startedAt;
    private final FormatProperties formats;
    private final BadgeLabel label;
    private final MetricsDocuments documents;
    /** The total's next milestone; null with history off. */
    private final MilestoneForecast forecast;
    /** shields' cacheSeconds: a new count can come once a period (shields keeps at least 300 s). */
    private final int shieldsCacheSeconds;
    /** AWTRIX's lifetime: a body older than stale-after is stale data, whoever forgot to send the next. */
    private final Duration staleAfter;
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

    private final Duration patience;

    /**
     * Each source's state as the events told it, with the sequence of the change that did, and its
     * history's facts (about that state's count, or NONE).
     */
    private record Seen(long sequence, SourceState state, HistoryFacts facts) {}

    private final Map<String, Seen> states = new ConcurrentHashMap<>();
    /** Grows with every change applied to {@link #states}: a view rendered before it moved is behind. */
    private final AtomicLong applied = new AtomicLong();
    /** How far this view has read the hub (each event counted once applied). */
    private final HubCursor cursor;
    /** How far it has the history's reports of the store's changes. */
    private final HubCursor reports;

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

    /** A source as shown, and its body. */
    private record Rendered(Shown shown, RenderedBody body) {}

    @Autowired
    MetricsRenderer(
            SourceCatalog catalog,
            NamedTickers tickers,
            TickerEvents events,
            RefreshSchedule schedule,
            HistoryProperties history,
            Clock clock,
            JsonDocuments json,
            FormatProperties formats,
            ProviderDisplays displays) {
        this(catalog, tickers, events, schedule, history, clock, json, formats, displays, CATCH_UP);
    }

    /** With a read's patience of its own: a test holds a report back as long as it needs to. */
    MetricsRenderer(
            SourceCatalog catalog,
            NamedTickers tickers,
            TickerEvents events,
            RefreshSchedule schedule,
            HistoryProperties history,
            Clock clock,
            JsonDocuments json,
            FormatProperties formats,
            ProviderDisplays displays,
            Duration patience) {
        this.patience = patience;
        this.catalog = catalog;
        this.formats = formats;
        this.label = new BadgeLabel(formats, displays);
        this.forecast = history.enabled() ? new MilestoneForecast(history.ladder(), history.forecastHorizon()) : null;
        this.shieldsCacheSeconds =
                (int) Math.min(Integer.MAX_VALUE, schedule.period().toSeconds());
        this.staleAfter = schedule.staleAfter();
        this.tickers = tickers;
        this.cursor = new HubCursor(events);
        this.reports = HubCursor.follows(events::changesPublished);
        catalog.all()
                .forEach(source -> states.put(source.id(), new Seen(-1, SourceState.empty(source), HistoryFacts.NONE)));
        this.clock = clock;
        this.json = json;
        this.startedAt = schedule.startedAt();
        this.documents = new MetricsDocuments(schedule.staleness(), startedAt);
        this.paced = catalog.all().size() >= PACED_FROM_SOURCES;
        current.set(renderAt(clock.instant()));
    }

    /** A source or its history's facts have changed since {@code view} was rendered. */
    private boolean behind(MetricsView view) {
        return view.version() != applied.get();
    }

    /**
     * One event of the hub (route {@code render-view}, which hands over every event): a report of a
     * change is applied to the read model, state and facts together, unless a newer change of its
     * source came first; facts that changed are applied when they are about the state kept. Then the
     * view is rendered again as {@link #changed} says. Counted after it is applied, for the reads
     * waiting. A {@link SourceChanged} itself is not shown: its report follows.
     */
    void received(TickerEvent event) {
        boolean moved = false;
        if (event instanceof SourceReported report) {
            Seen now = new Seen(report.change().sequence(), report.change().current(), report.facts());
            Seen kept = states.merge(
                    report.source().id(), now, (was, next) -> next.sequence() > was.sequence() ? next : was);
            moved = kept == now;
        } else if (event instanceof HistoryChanged history) {
            Seen kept = states.computeIfPresent(
                    history.source().id(),
                    (id, was) -> history.facts().about(was.state())
                                    && !history.facts().equals(was.facts())
                            ? new Seen(was.sequence(), was.state(), history.facts())
                            : was);
            moved = kept != null && kept.facts() == history.facts();
        }
        if (moved) {
            applied.incrementAndGet();
        }
        cursor.received();
        if (event instanceof SourceReported report) {
            reports.answered(report.ordinal());
        }
        if (moved || event instanceof SourceTurnedStale) {
            changed();
        }
    }

    /** Waits, a second at most, for what was published before now (see the class's comment). */
    private void catchUp() {
        if (cursor.caughtUp() && reports.caughtUp()) {
            return; // the usual case: two reads of a counter, no clock, no lock
        }
        long deadline = System.nanoTime() + patience.toNanos();
        cursor.catchUpBy(deadline);
        reports.catchUpBy(deadline);
    }

    /**
     * The view to serve now. When a source or a history changed since the last render, or data has
     * turned stale since, it renders first (every read waits for that one: a read right after a store
     * sees it, and a view must not call stale data fresh); with many sources it asks the renderer
     * thread instead and serves the previous view meanwhile.
     */
    MetricsView view() {
        catchUp();
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
     * Each configured source as its body shows it now, in the configuration's order: the status
     * console's rows (rendered now where the kept one is behind, as {@link #sourceBody} does).
     */
    List<Shown> shownSources() {
        catchUp();
        Instant now = clock.instant();
        return catalog.all().stream()
                .map(source -> states.get(source.id()))
                .filter(Objects::nonNull)
                .map(seen -> renderedNow(seen, now).shown())
                .toList();
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
        catchUp();
        Seen seen = states.get(id);
        if (seen == null) {
            return null;
        }
        return renderedNow(seen, clock.instant()).body();
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
        List<Seen> seen = catalog.all().stream()
                .map(source -> this.states.get(source.id()))
                .toList();
        Map<String, Rendered> parts = new LinkedHashMap<>();
        Map<String, RenderedBody> bySource = new LinkedHashMap<>();
        Instant turnsStaleAt = Instant.MAX;
        for (Seen one : seen) {
            Rendered rendered = renderedNow(one, now);
            Instant freshUntil = rendered.shown().freshUntil();
            String id = one.state().source().id();
            parts.put(id, rendered);
            bySource.put(id, rendered.body());
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
                version);
    }

    /**
     * A source's body at {@code now}: the one rendered before when its state, facts, freshness and
     * recent days are still those, else rendered now and kept.
     */
    private Rendered renderedNow(Seen seen, Instant now) {
        SourceState state = seen.state();
        Rendered one = rendered.get(state.source().id());
        if (one == null || !one.shown().shows(state, seen.facts(), documents.freshUntil(state, now), now)) {
            Shown shown = documents.source(state, seen.facts(), now);
            one = new Rendered(
                    shown,
                    body(
                            shown.document(),
                            shown.reading(),
                            shown.document().profile() != null
                                    ? shown.document().profile()
                                    : state.source().id(),
                            lastModified(List.of(state)),
                            shown.freshUntil(),
                            shown.stale() ? List.of(state.source()) : List.of(),
                            !state.hasData(),
                            label.of(List.of(state.source()))));
            rendered.put(state.source().id(), one);
        }
        return one;
    }

    /** The body of several sources (all of them, or a named ticker's) from their rendered parts. */
    private RenderedBody combine(List<Rendered> parts, Instant now) {
        List<Shown> shown = parts.stream().map(Rendered::shown).toList();
        Combined combined = documents.combined(shown, now, forecast);
        return body(
                combined.document(),
                combined.reading(),
                combined.document().profile(),
                lastModified(shown.stream().map(Shown::state).toList()),
                combined.freshUntil(),
                combined.staleSources(),
                combined.noData(),
                label.of(shown.stream().map(part -> part.state().source()).toList()));
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
     * The body in the contract's JSON and in every other format, each with its ETag.
     *
     * @param about who the count is of, for the badge's title
     * @param label the badges' left text ({@link BadgeLabel})
     */
    private RenderedBody body(
            Object document,
            Reading reading,
            String about,
            String lastModified,
            Instant freshUntil,
            List<TickerSource> staleSources,
            boolean noData,
            String label) {
        byte[] bytes = bytes(document);
        Map<MetricsFormat, RenderedBody.Alternative> alternatives = new EnumMap<>(MetricsFormat.class);
        alternatives.put(MetricsFormat.SMIIRL, alternative(bytes(new MetricsDocument.SmiirlDocument(reading.count()))));
        alternatives.put(
                MetricsFormat.SHIELDS, alternative(bytes(ShieldsEndpoint.of(reading, label, shieldsCacheSeconds))));
        alternatives.put(
                MetricsFormat.LAMETRIC, alternative(bytes(LametricFrames.of(reading, formats.lametricIcon()))));
        alternatives.put(
                MetricsFormat.AWTRIX, alternative(bytes(AwtrixApp.of(reading, formats.awtrixIcon(), staleAfter))));
        alternatives.put(
                MetricsFormat.BADGE,
                alternative(BadgeSvg.of(reading, label, about).getBytes(StandardCharsets.UTF_8)));
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
