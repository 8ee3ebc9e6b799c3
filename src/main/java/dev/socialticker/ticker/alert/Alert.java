package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.domain.MilestoneReached;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import java.time.Instant;

/**
 * One message to the operator: about one incident, or a milestone to celebrate.
 *
 * @param observed  what was seen, e.g. "3 failed refreshes in a row (UPSTREAM_UNAVAILABLE)"
 * @param threshold the rule's threshold in words, e.g. "3 in a row"
 * @param since     when the incident began (a milestone: when the count that passed it was read)
 * @param milestone the milestone passed, for {@link Kind#MILESTONE}; null otherwise
 */
public record Alert(
        Kind kind,
        AlertRule rule,
        TickerSource source,
        String observed,
        String threshold,
        Instant since,
        Instant at,
        Milestone milestone) {

    /** A message about an incident. */
    Alert(
            Kind kind,
            AlertRule rule,
            TickerSource source,
            String observed,
            String threshold,
            Instant since,
            Instant at) {
        this(kind, rule, source, observed, threshold, since, at, null);
    }

    public enum Kind {
        /** The condition began. */
        ALERT,
        /** It still holds, {@code repeat-after} since the last message. */
        REMINDER,
        /** It is over. */
        RESOLVED,
        /** A source's count passed a milestone for the first time: a celebration, nothing to do. */
        MILESTONE
    }

    /**
     * A milestone passed.
     *
     * @param value   the milestone, e.g. 10000
     * @param count   the count that passed it, e.g. 10004
     * @param profile the account's name at the provider when known (e.g. "acme"); null otherwise
     */
    public record Milestone(long value, long count, String profile) {}

    /**
     * The message celebrating {@code reached}; {@code profile} as the last count named it (may be null),
     * {@code counts} what its provider counts ("10,004 members").
     */
    static Alert milestone(MilestoneReached reached, String profile, ProviderDisplay.Counts counts) {
        return new Alert(
                Kind.MILESTONE,
                AlertRule.MILESTONE,
                reached.source(),
                AlertMessages.number(reached.count()) + " " + counts.of(reached.count()),
                AlertMessages.number(reached.milestone()) + " " + counts.of(reached.milestone()),
                reached.at(),
                reached.at(),
                new Milestone(reached.milestone(), reached.count(), profile));
    }

    /** Identifies the incident (or the milestone) in logs and in the persisted state. */
    public String incidentKey() {
        return source.id() + "/" + rule.key() + (milestone == null ? "" : "/" + milestone.value());
    }
}
