package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.MilestoneReached;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.domain.TokenChanged;
import dev.socialticker.ticker.event.EventEndpoints;
import dev.socialticker.ticker.event.HubCursor;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The alert routes. They subscribe to the hub ({@link EventEndpoints#HUB}): each source's changes
 * ({@link SourceChanged}) are judged as the outcome of each refresh ({@link RefreshOutcome}: made here, or in the shared mode by
 * another instance of the fleet), so alerting never runs on,
 * or slows, a refresh; a timer judges what time alone changes (data age, token
 * expiry, reminders, incidents that are over). Each message goes to every channel its rule speaks on,
 * each with its own worker, retries and backoff ({@link Channels}): a channel that fails is logged
 * with its reason, counted and shown in health, and the others still deliver. In the
 * shared mode one instance speaks for the fleet at a time ({@link AlertSpeaker}): one message per
 * incident and channel, whichever instance saw it.
 *
 * <p>The newest count of each source, which the timer judges by age and a milestone's message
 * names, is kept here from the changes ({@link #lastCounts}), and each provider's token expiry and
 * refresh problem from {@link TokenChanged} ({@link #tokens}): the alerts never ask the store or
 * the token feature.
 *
 * <p>Milestones ({@link MilestoneReached} on the hub, rule {@code milestone}) are not incidents: each
 * is one celebratory message through the same outbox and channels. The history hands each milestone
 * over once for ever and once for the fleet (the instance that read the count), so that instance
 * sends it, whether or not it speaks for the fleet's incidents.
 */
@Component
class AlertRoutes extends RouteBuilder {
    /** How long a check waits for the events published before it to reach the alerts. */
    static final Duration CATCH_UP = Duration.ofSeconds(1);
    /** How often time-based conditions are judged; bounds how late a reminder or a resolved message is. */
    static final long CHECK_MILLIS = 30_000;

    private static final Logger log = LoggerFactory.getLogger(AlertRoutes.class);

    private final AlertProperties settings;
    private final Incidents incidents;
    private final AlertSpeaker speaker;
    /** Per source, the sequence of the newest change judged ({@link SourceChanged#sequence()}). */
    private final Map<String, Long> judgedUpTo = new HashMap<>();
    /** Per source, the newest count the changes told of (none: no entry); the alerts' read model. */
    private final Map<String, Snapshot> lastCounts = new HashMap<>();

    private long outOfOrder;
    private final AlertConditions conditions;
    private final SourceCatalog catalog;
    /** What each provider counts, for the milestone\'s words. */
    private final ProviderDisplays displays;
    /** Per provider, what the token feature last told of its token; the alerts' read model. */
    private final Map<String, TokenChanged> tokens = new HashMap<>();
    /** How far the alerts have read the hub: a check judges what was published before it. */
    private final HubCursor cursor;

    private final Clock clock;
    private final Channels channels;

    AlertRoutes(
            Channels channels,
            AlertProperties settings,
            Incidents incidents,
            AlertSpeaker speaker,
            AlertConditions conditions,
            SourceCatalog catalog,
            ProviderDisplays displays,
            Clock clock,
            TickerEvents events) {
        this.cursor = new HubCursor(events);
        this.displays = displays;
        this.channels = channels;
        this.settings = settings;
        this.incidents = incidents;
        this.speaker = speaker;
        this.conditions = conditions;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Judged only while a channel runs (built in, or a file). */
    private boolean enabled() {
        return channels.any();
    }

    private boolean celebrating() {
        return enabled() && settings.rules().milestone().enabled();
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        // Judged only when a channel is configured.
        from(EventEndpoints.HUB)
                .routeId("alert-events")
                .choice()
                    .when(body().isInstanceOf(SourceChanged.class))
                        .filter(exchange -> enabled())
                            .process(exchange -> exchange.getIn().setBody(
                                    judgeInOrder(exchange.getIn().getBody(SourceChanged.class))))
                            .split(body())
                                .to(AlertEndpoints.DELIVERIES)
                            .end()
                        .end()
                    .endChoice()
                    .when(body().isInstanceOf(TokenChanged.class))
                        .process(exchange -> tokenChanged(exchange.getIn().getBody(TokenChanged.class)))
                    .endChoice()
                    .when(body().isInstanceOf(MilestoneReached.class))
                        .filter(exchange -> celebrating())
                            .process(exchange -> exchange.getIn().setBody(
                                    celebrate(exchange.getIn().getBody(MilestoneReached.class))))
                            .to(AlertEndpoints.DELIVERIES)
                        .end()
                    .endChoice()
                .end()
                // Counted once handled: a check waits for what was published before it (received).
                .process(exchange -> cursor.received());

        // First a few seconds after start: messages a stop interrupted are sent again, then time is judged.
        from(AlertEndpoints.checkTimer(CHECK_MILLIS))
                .routeId("alert-check-timer")
                .to(AlertEndpoints.CHECK);

        from(AlertEndpoints.CHECK)
                .routeId("alert-check")
                .filter(exchange -> enabled())
                    .process(exchange -> exchange.getIn().setBody(check()))
                    .split(body())
                        .to(AlertEndpoints.DELIVERIES)
                    .end()
                .end();

        // Handed to each channel's own worker: a channel being retried holds up only its own messages.
        // Once every channel it went to took it or gave it up, it leaves the outbox.
        from(AlertEndpoints.DELIVERIES)
                .routeId("alert-deliver")
                .process(exchange -> {
                    Alert alert = exchange.getIn().getBody(Alert.class);
                    channels.deliver(alert, () -> incidents.delivered(alert));
                });
    }
    // spotless:on

    /**
     * Changes reach the subscribers on several threads, so two changes of one source may arrive out
     * of order (a failure after the success that followed it). The newest judged wins: an older
     * change arriving after it is dropped, as the fleet drops an older copy, and judging is one at
     * a time so a streak is never counted on two threads at once.
     */
    private synchronized List<Alert> judgeInOrder(SourceChanged change) {
        Long newest = judgedUpTo.get(change.source().id());
        if (newest != null && change.sequence() <= newest) {
            outOfOrder++;
            return List.of();
        }
        List<Alert> alerts = RefreshOutcome.of(change).map(this::judge).orElse(List.of());
        judgedUpTo.put(change.source().id(), change.sequence());
        if (change.current().hasData()) {
            lastCounts.put(change.source().id(), change.current().snapshot());
        } else {
            lastCounts.remove(change.source().id());
        }
        return alerts;
    }

    /** What the token feature told of a provider's token, judged at the next check. */
    private synchronized void tokenChanged(TokenChanged token) {
        tokens.put(token.provider(), token);
    }

    /** How many changes arrived after a newer one of their source, and were dropped. */
    synchronized long outOfOrder() {
        return outOfOrder;
    }

    /** The sequence of the newest change of the source judged so far; -1 before the first. */
    synchronized long judgedUpTo(String sourceId) {
        return judgedUpTo.getOrDefault(sourceId, -1L);
    }

    /** Every instance judges every outcome, so its streaks are the fleet's; only the speaker opens incidents. */
    private List<Alert> judge(RefreshOutcome outcome) {
        Instant now = clock.instant();
        List<Verdict> verdicts = conditions.judge(outcome);
        if (!speaks(speaker.turn())) {
            return List.of();
        }
        List<Alert> alerts = new ArrayList<>();
        verdicts.forEach(
                verdict -> incidents.judge(outcome.source(), verdict, now).ifPresent(alerts::add));
        return alerts;
    }

    /** The milestone's message, in the outbox until it was tried on every channel. */
    private synchronized Alert celebrate(MilestoneReached reached) {
        Snapshot snapshot = lastCounts.get(reached.source().id());
        return incidents.announce(Alert.milestone(
                reached,
                snapshot == null ? null : snapshot.profile(),
                displays.of(reached.source().provider()).counts()));
    }

    /**
     * Time-based verdicts, then reminders and resolutions; first of all, what a stop (or the speaker
     * before this one) left undelivered. The speaker's turn is renewed here.
     */
    private List<Alert> check() {
        cursor.catchUp(CATCH_UP);
        return checkNow();
    }

    private synchronized List<Alert> checkNow() {
        if (!speaks(speaker.claim())) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Alert> alerts = new ArrayList<>(incidents.takeRecovered());
        for (TickerSource source : catalog.all()) {
            conditions
                    .judgeAge(lastCounts.get(source.id()), now)
                    .forEach(verdict -> incidents.judge(source, verdict, now).ifPresent(alerts::add));
            TokenChanged token = tokens.get(source.provider());
            conditions
                    .judgeToken(
                            source,
                            token == null ? null : token.expiresAt(),
                            token == null ? null : token.refreshProblem(),
                            now)
                    .forEach(verdict -> incidents.judge(source, verdict, now).ifPresent(alerts::add));
        }
        alerts.addAll(incidents.tick(now));
        return alerts;
    }

    /** A turn just taken starts from what the fleet's incidents are now. */
    private boolean speaks(AlertSpeaker.Turn turn) {
        if (turn == AlertSpeaker.Turn.TAKEN) {
            incidents.reload();
        }
        return turn != AlertSpeaker.Turn.SILENT;
    }
}
