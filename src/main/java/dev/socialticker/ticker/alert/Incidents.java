package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.domain.TickerSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns verdicts into incidents, and incidents into as few messages as an operator needs: one when
 * a condition begins, a reminder at most every {@code repeat-after} while it lasts, one when it is
 * over. A condition that clears and comes back within {@code resolve-after} is the same incident.
 * When a more specific rule already speaks for the source, a less specific one opens quietly and
 * stays quiet (no alert, no reminder, no resolved); an incident that has spoken always gets its
 * resolved message, even when a more specific one came after it.
 *
 * <p>Every message decided is kept in an outbox until its delivery was tried, and the state is
 * saved after each change ({@link IncidentState}), so a restart neither repeats an alert already
 * sent nor loses a resolved message not yet sent. Written by hand: it is this service's own policy,
 * a few dozen lines over a map; used by one route thread at a time (synchronized).
 */
final class Incidents {

    /** One open incident. {@code announced}: its alert was sent, so its end will be too. */
    record Incident(
            AlertRule rule,
            TickerSource source,
            Instant since,
            boolean announced,
            Instant lastMessage,
            Instant clearSince,
            String observed,
            String threshold) {

        String key() {
            return source.id() + "/" + rule.key();
        }

        Incident holding(Verdict verdict) {
            return new Incident(
                    rule, source, since, announced, lastMessage, null, verdict.observed(), verdict.threshold());
        }

        Incident clearing(Instant now) {
            return clearSince != null
                    ? this
                    : new Incident(rule, source, since, announced, lastMessage, now, observed, threshold);
        }

        Incident messaged(Instant at) {
            return new Incident(rule, source, since, announced, at, clearSince, observed, threshold);
        }
    }

    private final Duration repeatAfter;
    private final Duration resolveAfter;
    private final IncidentState saved;
    private final Map<String, Incident> open = new LinkedHashMap<>();
    private final List<Alert> outbox = new ArrayList<>();
    /** What the last run decided and did not deliver: sent once, at start-up. */
    private final List<Alert> recovered = new ArrayList<>();

    Incidents(Duration repeatAfter, Duration resolveAfter, IncidentState saved) {
        this.repeatAfter = repeatAfter;
        this.resolveAfter = resolveAfter;
        this.saved = saved;
        reload();
    }

    /**
     * Reads the saved state again, replacing what is held here: at start-up, and in the shared mode
     * when this instance takes over speaking for the fleet (the one before may have changed it). The
     * messages the outbox still holds are sent again once ({@link #takeRecovered()}): delivery is at
     * least once, never lost.
     */
    synchronized void reload() {
        IncidentState.Content content = saved.load();
        open.clear();
        outbox.clear();
        recovered.clear();
        content.incidents().forEach(incident -> open.put(incident.key(), incident));
        outbox.addAll(content.outbox());
        recovered.addAll(content.outbox());
    }

    /** Applies one verdict; returns the message it causes, if any (also kept in the outbox). */
    synchronized Optional<Alert> judge(TickerSource source, Verdict verdict, Instant now) {
        String key = source.id() + "/" + verdict.rule().key();
        Incident current = open.get(key);
        Alert alert = null;
        if (verdict.holds()) {
            if (current == null) {
                boolean quiet = spokenFor(source).stream().anyMatch(rule -> rule.moreSpecificThan(verdict.rule()));
                Incident opened = new Incident(
                        verdict.rule(),
                        source,
                        now,
                        !quiet,
                        quiet ? null : now,
                        null,
                        verdict.observed(),
                        verdict.threshold());
                open.put(key, opened);
                if (!quiet) {
                    alert = message(Alert.Kind.ALERT, opened, now);
                }
            } else {
                open.put(key, current.holding(verdict));
            }
        } else if (current != null) {
            open.put(key, current.clearing(now));
        }
        save();
        return Optional.ofNullable(alert);
    }

    /** Time passes: reminders that are due, and incidents clear for {@code resolve-after}, end. */
    synchronized List<Alert> tick(Instant now) {
        List<Alert> alerts = new ArrayList<>();
        for (Incident incident : List.copyOf(open.values())) {
            if (incident.clearSince() != null) {
                if (!now.isBefore(incident.clearSince().plus(resolveAfter))) {
                    open.remove(incident.key());
                    if (incident.announced()) {
                        alerts.add(message(Alert.Kind.RESOLVED, incident, now));
                    }
                }
            } else if (incident.announced()
                    && !quietened(incident)
                    && !now.isBefore(incident.lastMessage().plus(repeatAfter))) {
                open.put(incident.key(), incident.messaged(now));
                alerts.add(message(Alert.Kind.REMINDER, incident, now));
            }
        }
        save();
        return alerts;
    }

    /**
     * A message decided outside the incidents (a milestone's celebration): kept in the outbox and
     * saved like the others until its delivery was tried, so a stop between the milestone and its
     * message delays the message to the next start instead of losing it. Saved only where this
     * instance speaks for the fleet ({@link IncidentState}); elsewhere it is sent from memory.
     */
    synchronized Alert announce(Alert alert) {
        outbox.add(alert);
        save();
        return alert;
    }

    /** The message's delivery was tried on every channel: it leaves the outbox. */
    synchronized void delivered(Alert alert) {
        if (outbox.remove(alert)) {
            save();
        }
    }

    /** Messages decided but not yet tried. */
    synchronized List<Alert> outbox() {
        return List.copyOf(outbox);
    }

    /** The messages a stop interrupted, once: the first call after start-up gets them, later ones none. */
    synchronized List<Alert> takeRecovered() {
        List<Alert> taken = List.copyOf(recovered);
        recovered.clear();
        return taken;
    }

    synchronized List<Incident> open() {
        return List.copyOf(open.values());
    }

    /** The rules whose incident for the source is open and spoke. */
    private List<AlertRule> spokenFor(TickerSource source) {
        return open.values().stream()
                .filter(i -> i.source().id().equals(source.id()) && i.announced())
                .map(Incident::rule)
                .toList();
    }

    /** A more specific incident of the same source, open and holding, speaks instead: no reminder. */
    private boolean quietened(Incident incident) {
        return open.values().stream()
                .anyMatch(other -> other.source().id().equals(incident.source().id())
                        && other.announced()
                        && other.clearSince() == null
                        && other.rule().moreSpecificThan(incident.rule()));
    }

    private Alert message(Alert.Kind kind, Incident incident, Instant now) {
        Alert alert = new Alert(
                kind,
                incident.rule(),
                incident.source(),
                incident.observed(),
                incident.threshold(),
                incident.since(),
                now);
        outbox.add(alert);
        return alert;
    }

    private void save() {
        saved.save(new IncidentState.Content(IncidentState.FORMAT, List.copyOf(open.values()), List.copyOf(outbox)));
    }
}
