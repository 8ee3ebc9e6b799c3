package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.Staleness;
import dev.socialticker.ticker.domain.TickerSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules' conditions, judged from what the service already knows: each refresh's outcome
 * ({@code auth}, {@code quota}, {@code latency}, {@code failing}) and, as time passes, the age of
 * the data and the tokens' expiry ({@code data-age}, {@code token-expiry}). A rule switched off is
 * never judged.
 */
final class AlertConditions {

    /** What the outcomes so far say about one source. */
    private record Streak(int failures, int slow, boolean authFailed, boolean quotaHit) {
        static final Streak NONE = new Streak(0, 0, false, false);
    }

    private final AlertProperties.Rules rules;
    private final Duration maxAge;
    private final Staleness staleness;
    private final Map<String, Streak> streaks = new ConcurrentHashMap<>();

    /** @param staleness the service's rule: the data-age rule's default is three times its stale-after */
    AlertConditions(AlertProperties.Rules rules, Staleness staleness) {
        this.rules = rules;
        this.staleness = staleness;
        this.maxAge = rules.dataAge().maxAge() != null
                ? rules.dataAge().maxAge()
                : staleness.staleAfter().multipliedBy(3);
    }

    /** The verdicts one refresh's outcome brings. */
    List<Verdict> judge(RefreshOutcome outcome) {
        FailureCode code = outcome.failure();
        Integer used = outcome.quota() == null ? null : outcome.quota().usedPercent();
        boolean slow = outcome.duration().compareTo(rules.latency().threshold()) > 0;
        Streak streak = streaks.merge(outcome.source().id(), Streak.NONE, (last, none) -> last);
        Streak next = new Streak(
                code == null ? 0 : streak.failures() + 1,
                slow ? streak.slow() + 1 : 0,
                // A failure of another kind does not show the token works again; a success does.
                code == FailureCode.AUTH_FAILED || (code != null && streak.authFailed()),
                code == FailureCode.RATE_LIMITED
                        || (used != null && used >= rules.quota().percent())
                        || (code != null && code != FailureCode.RATE_LIMITED && streak.quotaHit()));
        streaks.put(outcome.source().id(), next);

        List<Verdict> verdicts = new ArrayList<>();
        if (rules.auth().enabled()) {
            verdicts.add(new Verdict(
                    AlertRule.AUTH,
                    next.authFailed(),
                    "the provider rejected the credentials (AUTH_FAILED)",
                    "at once"));
        }
        if (rules.quota().enabled()) {
            String seen = code == FailureCode.RATE_LIMITED
                    ? "the provider said its rate limit was reached (RATE_LIMITED)"
                    : used != null ? used + " % of the quota used" : "quota use not reported";
            verdicts.add(new Verdict(
                    AlertRule.QUOTA, next.quotaHit(), seen, rules.quota().percent() + " %"));
        }
        if (rules.latency().enabled()) {
            verdicts.add(new Verdict(
                    AlertRule.LATENCY,
                    next.slow() >= rules.latency().consecutive(),
                    next.slow() + " refresh(es) in a row slower than "
                            + text(rules.latency().threshold()) + " (last "
                            + outcome.duration().toMillis() + " ms)",
                    "slower than " + text(rules.latency().threshold()) + ", "
                            + rules.latency().consecutive() + " in a row"));
        }
        if (rules.failing().enabled()) {
            verdicts.add(new Verdict(
                    AlertRule.FAILING,
                    next.failures() >= rules.failing().consecutive(),
                    next.failures() + " failed refresh(es) in a row" + (code == null ? "" : " (last: " + code + ")"),
                    rules.failing().consecutive() + " in a row"));
        }
        return verdicts;
    }

    /** The data-age verdict for a source's snapshot now; none before its first count. */
    List<Verdict> judgeAge(Snapshot snapshot, Instant now) {
        if (!rules.dataAge().enabled() || snapshot == null) {
            return List.of();
        }
        Duration age = staleness.age(snapshot, now);
        return List.of(new Verdict(
                AlertRule.DATA_AGE,
                age.compareTo(maxAge) > 0,
                "last refreshed " + text(age.truncatedTo(ChronoUnit.SECONDS)) + " ago (" + snapshot.refreshedAt() + ")",
                "older than " + text(maxAge)));
    }

    /**
     * The token-expiry verdict for a source whose token expires at {@code expiresAt} (null: not
     * known) and whose last token refresh failed with {@code refreshProblem} (null: it did not).
     */
    List<Verdict> judgeToken(TickerSource source, Instant expiresAt, String refreshProblem, Instant now) {
        if (!rules.tokenExpiry().enabled() || (expiresAt == null && refreshProblem == null)) {
            return List.of();
        }
        String threshold = "within " + rules.tokenExpiry().days() + " day(s), or a failed token refresh";
        boolean expiring = expiresAt != null
                && Duration.between(now, expiresAt)
                                .compareTo(Duration.ofDays(rules.tokenExpiry().days()))
                        < 0;
        StringBuilder seen = new StringBuilder();
        if (expiresAt != null) {
            Duration left = Duration.between(now, expiresAt);
            seen.append(
                    left.isNegative()
                            ? "the " + source.provider() + " token expired at " + expiresAt
                            : "the " + source.provider() + " token expires at " + expiresAt + " (in " + left.toDays()
                                    + " day(s))");
        }
        if (refreshProblem != null) {
            seen.append(seen.isEmpty() ? "" : "; ").append(refreshProblem);
        }
        return List.of(
                new Verdict(AlertRule.TOKEN_EXPIRY, expiring || refreshProblem != null, seen.toString(), threshold));
    }

    /** A duration as people read it: 90s → "1m 30s". */
    static String text(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + " ms";
        }
        StringBuilder text = new StringBuilder();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            text.append(days).append("d ");
        }
        if (hours > 0) {
            text.append(hours).append("h ");
        }
        if (minutes > 0) {
            text.append(minutes).append("m ");
        }
        if (rest > 0) {
            text.append(rest).append("s");
        }
        return text.toString().trim();
    }
}
