package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.domain.TickerSource;
import java.time.Instant;

/**
 * One message to the operator about one incident.
 *
 * @param observed  what was seen, e.g. "3 failed refreshes in a row (UPSTREAM_UNAVAILABLE)"
 * @param threshold the rule's threshold in words, e.g. "3 in a row"
 * @param since     when the incident began
 */
record Alert(
        Kind kind, AlertRule rule, TickerSource source, String observed, String threshold, Instant since, Instant at) {

    enum Kind {
        /** The condition began. */
        ALERT,
        /** It still holds, {@code repeat-after} since the last message. */
        REMINDER,
        /** It is over. */
        RESOLVED
    }

    /** Identifies the incident in logs and in the persisted state. */
    String incidentKey() {
        return source.id() + "/" + rule.key();
    }
}
