package dev.socialticker.ticker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.TickerSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.concurrent.Cancellable;
import org.junit.jupiter.api.Test;

/** One outcome per run, whoever gets there first; calls aborted once the run is over. */
class RefreshRunTest {
    final AtomicInteger releases = new AtomicInteger();
    final RefreshRun run =
            new RefreshRun(new TickerSource("s", "demo", "a"), Duration.ofSeconds(30), releases::incrementAndGet);

    @Test
    void aCommittedRunCannotBeTimedOutOrCommittedAgain() {
        assertThat(run.tryCommit()).isTrue();
        assertThat(run.tryCommit()).isFalse();
        assertThat(run.tryTimeOut()).isFalse();
    }

    @Test
    void aTimedOutRunWritesNothingMoreAndAbortsItsCalls() {
        CountingCall call = new CountingCall();
        run.register(call);

        assertThat(run.tryTimeOut()).isTrue();

        assertThat(call.cancelled).hasValue(1);
        assertThat(run.tryCommit()).as("a late answer").isFalse();
        assertThat(run.isOver()).isTrue();
    }

    @Test
    void anAbandonedRunWritesNothing() {
        run.abandon();
        assertThat(run.tryCommit()).isFalse();
        assertThat(run.tryTimeOut()).isFalse();
    }

    @Test
    void aCallStartedAfterTheDeadlineIsAbortedAtOnce() {
        run.expire();
        CountingCall late = new CountingCall();

        run.register(late);

        assertThat(late.cancelled).hasValue(1);
        assertThat(run.expired()).isTrue();
        assertThat(run.tryCommit())
                .as("the refresh still records its own TIMEOUT")
                .isTrue();
    }

    @Test
    void theGateIsReleasedOnceWhoeverEndsTheRun() {
        run.releaseGate();
        run.end();
        run.end();
        assertThat(releases).hasValue(1);
    }

    @Test
    void theBudgetIsWrittenAsPeopleReadIt() {
        assertThat(run.budgetText()).isEqualTo("30 s");
        assertThat(new RefreshRun(run.source(), Duration.ofMillis(2500), () -> {}).budgetText())
                .isEqualTo("2500 ms");
    }

    static final class CountingCall implements Cancellable {
        final AtomicInteger cancelled = new AtomicInteger();

        @Override
        public boolean cancel() {
            cancelled.incrementAndGet();
            return true;
        }
    }
}
