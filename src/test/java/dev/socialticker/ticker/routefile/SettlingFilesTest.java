package dev.socialticker.ticker.routefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.support.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changed file is handed on once it has been still for the quiet period, on a test clock: a file
 * emptied and then written (a shell redirect) is handed on once, whole; a file that keeps changing
 * waits; a write whose event has not come yet makes it wait too; a deleted file is handed on.
 */
class SettlingFilesTest {
    static final Duration QUIET = Duration.ofMillis(500);

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    final SettlingFiles settling = new SettlingFiles(clock, QUIET);

    @Test
    void aFileEmptiedThenWrittenIsHandedOnOnceWhole() throws IOException {
        Path file = dir.resolve("github.camel.yaml");
        Files.writeString(file, "");
        settling.changed(file);
        clock.advance(Duration.ofMillis(10));
        Files.writeString(file, "- route: {}\n");
        settling.changed(file);

        assertThat(settling.settled()).as("written 0 ms ago").isEmpty();
        clock.advance(QUIET.minusMillis(1));
        assertThat(settling.settled()).as("not quite still long enough").isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(settling.settled()).containsExactly(file);
        assertThat(Files.readString(file)).isEqualTo("- route: {}\n");
        assertThat(settling.waiting()).isEmpty();
        assertThat(settling.settled()).as("handed on once").isEmpty();
    }

    @Test
    void aWriteSeenOnlyInTheFilesSizeMakesItWaitAgain() throws IOException {
        Path file = dir.resolve("github.camel.yaml");
        Files.writeString(file, "- route:\n");
        settling.changed(file);
        clock.advance(QUIET);
        // Written again, and its event not handled yet: the size says so.
        Files.writeString(file, "- route:\n    id: provider-github\n");

        assertThat(settling.settled()).isEmpty();
        clock.advance(QUIET.minusMillis(1));
        assertThat(settling.settled()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(settling.settled()).containsExactly(file);
    }

    @Test
    void aDeletedFileIsHandedOnAndFilesSettleEachOnTheirOwn() throws IOException {
        Path deleted = dir.resolve("old.camel.yaml");
        Files.writeString(deleted, "- route: {}\n");
        Path later = dir.resolve("new.camel.yaml");
        Files.delete(deleted);
        settling.changed(deleted);
        clock.advance(Duration.ofMillis(300));
        Files.writeString(later, "- route: {}\n");
        settling.changed(later);

        clock.advance(Duration.ofMillis(200));
        assertThat(settling.settled()).containsExactly(deleted);
        assertThat(settling.waiting()).containsExactly(later);
        clock.advance(Duration.ofMillis(300));
        assertThat(settling.settled()).containsExactly(later);
    }
}
