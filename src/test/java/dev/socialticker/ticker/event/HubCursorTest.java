package dev.socialticker.ticker.event;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A reader that answers with everything written before it waits for its subscriber to have it: the
 * events the hub took, and, for the view, the history's numbered reports of the changes among them.
 * A report the hub could not take is waited for once, not by every later reader.
 */
class HubCursorTest {
    private final AtomicLong changes = new AtomicLong();
    private final HubCursor reports = HubCursor.follows(changes::get);

    @Test
    void aReaderWaitsForTheReportOfEveryChangeTakenBeforeIt() {
        changes.set(2);
        reports.answered(1);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> reports.catchUp(Duration.ofHours(1)));

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !reader.isDone());

        reports.answered(2);
        await().atMost(Duration.ofSeconds(5)).until(reader::isDone);
    }

    @Test
    void aReportAnsweredAheadOfTheCountLetsReadersThrough() {
        changes.set(3);
        reports.answered(5); // the history numbered changes this reader's count had not reached yet

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reports.catchUp(Duration.ofHours(1)));
    }

    @Test
    void aLostReportIsWaitedForOnceThenTheCursorMovesPastIt() {
        changes.set(4);
        reports.answered(3); // the fourth report was dropped by a full hub

        reports.catchUp(Duration.ofMillis(50));

        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> reports.catchUp(Duration.ofHours(1)),
                "the next reader does not wait for the lost report");
        changes.set(5);
        CompletableFuture<Void> next = CompletableFuture.runAsync(() -> reports.catchUp(Duration.ofHours(1)));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !next.isDone());
        reports.answered(5);
        await().atMost(Duration.ofSeconds(5)).until(next::isDone);
    }
}
