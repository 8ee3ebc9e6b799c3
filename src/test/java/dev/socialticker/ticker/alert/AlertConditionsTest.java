package dev.socialticker.ticker.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.QuotaUsage;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.Staleness;
import dev.socialticker.ticker.domain.TickerSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule fires at its documented condition and stays quiet just below its threshold. */
class AlertConditionsTest {
    static final TickerSource IG = new TickerSource("instagram-acme", "instagram", "17841400000000000");
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    static final Duration FAST = Duration.ofMillis(200);

    final AlertProperties.Rules defaults = new AlertProperties.Rules(
            new AlertProperties.Failing(true, 3, List.of()),
            new AlertProperties.Auth(true, List.of()),
            new AlertProperties.Quota(true, 80, List.of()),
            new AlertProperties.Latency(true, Duration.ofSeconds(5), 3, List.of()),
            new AlertProperties.DataAge(true, null, List.of()),
            new AlertProperties.TokenExpiry(true, 7, List.of()),
            new AlertProperties.Milestone(true, List.of()));
    final AlertConditions conditions = new AlertConditions(defaults, new Staleness(Duration.ofMinutes(2)));

    @Test
    void failingAtTheThirdFailureInARowNotTheSecond() {
        assertThat(holds(conditions.judge(failure(FailureCode.UPSTREAM_UNAVAILABLE)), AlertRule.FAILING))
                .isFalse();
        assertThat(holds(conditions.judge(failure(FailureCode.UPSTREAM_UNAVAILABLE)), AlertRule.FAILING))
                .isFalse();
        List<Verdict> third = conditions.judge(failure(FailureCode.TIMEOUT));
        assertThat(holds(third, AlertRule.FAILING)).isTrue();
        assertThat(verdict(third, AlertRule.FAILING).observed())
                .isEqualTo("3 failed refresh(es) in a row (last: TIMEOUT)");
        assertThat(holds(conditions.judge(success(null)), AlertRule.FAILING))
                .as("a success ends it")
                .isFalse();
    }

    @Test
    void authAtOnceAndUntilASuccess() {
        assertThat(holds(conditions.judge(failure(FailureCode.UPSTREAM_UNAVAILABLE)), AlertRule.AUTH))
                .isFalse();
        assertThat(holds(conditions.judge(failure(FailureCode.AUTH_FAILED)), AlertRule.AUTH))
                .isTrue();
        assertThat(holds(conditions.judge(failure(FailureCode.TIMEOUT)), AlertRule.AUTH))
                .as("another failure does not show the token works")
                .isTrue();
        assertThat(holds(conditions.judge(success(null)), AlertRule.AUTH)).isFalse();
    }

    @Test
    void quotaAtEightyPercentNotSeventyNineAndOnRateLimited() {
        assertThat(holds(conditions.judge(success(79)), AlertRule.QUOTA)).isFalse();
        List<Verdict> at80 = conditions.judge(success(80));
        assertThat(holds(at80, AlertRule.QUOTA)).isTrue();
        assertThat(verdict(at80, AlertRule.QUOTA).observed()).isEqualTo("80 % of the quota used");
        assertThat(holds(conditions.judge(success(null)), AlertRule.QUOTA)).isFalse();
        assertThat(holds(conditions.judge(failure(FailureCode.RATE_LIMITED)), AlertRule.QUOTA))
                .isTrue();
    }

    @Test
    void latencyAfterThreeSlowRefreshesInARow() {
        Duration slow = Duration.ofMillis(5_001);
        assertThat(holds(conditions.judge(success(null, slow)), AlertRule.LATENCY))
                .isFalse();
        assertThat(holds(conditions.judge(success(null, slow)), AlertRule.LATENCY))
                .isFalse();
        assertThat(holds(conditions.judge(success(null, Duration.ofSeconds(5))), AlertRule.LATENCY))
                .as("exactly the threshold is not slower than it")
                .isFalse();
        conditions.judge(success(null, slow));
        conditions.judge(success(null, slow));
        assertThat(holds(conditions.judge(success(null, slow)), AlertRule.LATENCY))
                .isTrue();
    }

    @Test
    void dataAgeBeyondThreeTimesStaleAfter() {
        Snapshot snapshot = new Snapshot(1, "acme", NOW, null, null);
        assertThat(holds(conditions.judgeAge(snapshot, NOW.plus(Duration.ofMinutes(6))), AlertRule.DATA_AGE))
                .isFalse();
        List<Verdict> old =
                conditions.judgeAge(snapshot, NOW.plus(Duration.ofMinutes(6)).plusSeconds(1));
        assertThat(holds(old, AlertRule.DATA_AGE)).isTrue();
        assertThat(verdict(old, AlertRule.DATA_AGE).threshold()).isEqualTo("older than 6m");
        assertThat(conditions.judgeAge(null, NOW))
                .as("no count yet: the failing rule speaks")
                .isEmpty();
    }

    @Test
    void tokenExpiryWithinSevenDays() {
        Instant expires = NOW.plus(Duration.ofDays(7));
        assertThat(holds(conditions.judgeToken(IG, expires, null, NOW), AlertRule.TOKEN_EXPIRY))
                .isFalse();
        assertThat(holds(conditions.judgeToken(IG, expires, null, NOW.plusSeconds(1)), AlertRule.TOKEN_EXPIRY))
                .isTrue();
        assertThat(conditions.judgeToken(IG, null, null, NOW))
                .as("expiry unknown")
                .isEmpty();
    }

    @Test
    void aFailedTokenRefreshHoldsWhateverTheExpiry() {
        List<Verdict> failed = conditions.judgeToken(
                IG, NOW.plus(Duration.ofDays(29)), "refreshing the token failed: Instagram answered HTTP 400", NOW);
        assertThat(holds(failed, AlertRule.TOKEN_EXPIRY)).isTrue();
        assertThat(verdict(failed, AlertRule.TOKEN_EXPIRY).observed())
                .isEqualTo(
                        "the instagram token expires at"
                                + " 2026-12-28T10:00:00Z (in 29 day(s)); refreshing the token failed: Instagram answered HTTP 400");
    }

    @Test
    void aRuleSwitchedOffIsNeverJudged() {
        AlertProperties.Rules off = new AlertProperties.Rules(
                new AlertProperties.Failing(false, 3, List.of()),
                new AlertProperties.Auth(false, List.of()),
                new AlertProperties.Quota(false, 80, List.of()),
                new AlertProperties.Latency(false, Duration.ofSeconds(5), 3, List.of()),
                new AlertProperties.DataAge(false, null, List.of()),
                new AlertProperties.TokenExpiry(false, 7, List.of()),
                new AlertProperties.Milestone(false, List.of()));
        AlertConditions none = new AlertConditions(off, new Staleness(Duration.ofMinutes(2)));
        assertThat(none.judge(failure(FailureCode.AUTH_FAILED))).isEmpty();
        assertThat(none.judgeAge(new Snapshot(1, "acme", NOW, null, null), NOW.plus(Duration.ofDays(1))))
                .isEmpty();
        assertThat(none.judgeToken(IG, NOW, "refreshing the token failed", NOW)).isEmpty();
    }

    private static RefreshOutcome failure(FailureCode code) {
        return new RefreshOutcome(IG, code, FAST, null, NOW);
    }

    private static RefreshOutcome success(Integer usedPercent) {
        return success(usedPercent, FAST);
    }

    private static RefreshOutcome success(Integer usedPercent, Duration took) {
        return new RefreshOutcome(IG, null, took, usedPercent == null ? null : new QuotaUsage(usedPercent, null), NOW);
    }

    private static boolean holds(List<Verdict> verdicts, AlertRule rule) {
        return verdict(verdicts, rule).holds();
    }

    private static Verdict verdict(List<Verdict> verdicts, AlertRule rule) {
        return verdicts.stream().filter(v -> v.rule() == rule).findFirst().orElseThrow();
    }
}
