package dev.socialticker.ticker.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.domain.HistoryPoint;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The history in the file store (the default) on a real folder: a restart keeps it, a corrupt file
 * is set aside and the source starts again, a write that fails costs a log line, never the service.
 */
@ExtendWith(OutputCaptureExtension.class)
class HistoryFilesTest {
    static final TickerSource SOURCE = new TickerSource("github-octocat", "github", "octocat");
    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(T0);
    long sequence;
    SourceState before = SourceState.empty(SOURCE);

    @Test
    void aRestartKeepsTheHistory() throws IOException {
        HistoryBook first = book();
        read(first, 100);
        read(first, 104);
        clock.advance(Duration.ofDays(2));
        read(first, 130);
        assertThat(historyFile()).exists();

        HistoryBook restarted = book();

        for (Step step : Step.values()) {
            assertThat(restarted.of(SOURCE.id()).points(step, Instant.EPOCH, FAR))
                    .as(step.label())
                    .isNotEmpty()
                    .isEqualTo(first.of(SOURCE.id()).points(step, Instant.EPOCH, FAR));
        }
        assertThat(restarted.growth(SOURCE, 130, clock.instant()).oneDay())
                .as("growth over a day, read from the restored history")
                .isEqualTo(26);
        assertThat(restarted.bytes(SOURCE.id())).isEqualTo(Files.size(historyFile()));
        read(restarted, 131);
        assertThat(restarted.of(SOURCE.id()).points(Step.RAW, Instant.EPOCH, FAR))
                .extracting(HistoryPoint::count)
                .containsExactly(100L, 104L, 130L, 131L);
    }

    @Test
    void aCorruptFileIsSetAsideAndTheSourceStartsANewHistory(CapturedOutput output) throws IOException {
        Files.createDirectories(historyFile().getParent());
        Files.writeString(historyFile(), "{\"version\":1,\"celebrated\":0,\"raw\":[178");

        HistoryBook book = book();
        assertThat(book.of(SOURCE.id()).sizes()).containsExactly(0, 0, 0);
        read(book, 250);

        Path aside = historyFile().resolveSibling(SOURCE.id() + ".json.unreadable-" + T0.toEpochMilli());
        assertThat(aside).hasContent("{\"version\":1,\"celebrated\":0,\"raw\":[178");
        assertThat(output.getAll())
                .contains("History " + historyFile() + " is unreadable")
                .contains("moved aside to " + aside.getFileName() + "; the source starts a new history");
        assertThat(book().of(SOURCE.id()).lastCount())
                .as("the new history, written")
                .hasValue(250);
    }

    @Test
    void aFileOfAnotherVersionIsSetAsideNotMisread() throws IOException {
        Files.createDirectories(historyFile().getParent());
        Files.writeString(historyFile(), "{\"version\":2,\"points\":[[1,2]]}");

        assertThat(book().of(SOURCE.id()).lastCount()).isEmpty();

        try (Stream<Path> files = Files.list(historyFile().getParent())) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactly(SOURCE.id() + ".json.unreadable-" + T0.toEpochMilli());
        }
    }

    @Test
    void aWriteThatFailsIsLoggedAndTheReadingKeptUntilTheNextWrite(CapturedOutput output) throws IOException {
        // The history folder cannot be made: a file stands where it should be.
        Files.writeString(dir.resolve("history"), "in the way");
        HistoryBook book = book();

        read(book, 100);
        read(book, 101);

        assertThat(book.of(SOURCE.id()).lastCount()).as("kept in memory").hasValue(101);
        assertThat(output.getAll())
                .contains("Could not write the history of " + SOURCE.id() + " to " + historyFile())
                .contains("it is kept in memory and written with its next reading");

        Files.delete(dir.resolve("history"));
        read(book, 102);
        assertThat(book().of(SOURCE.id()).points(Step.RAW, Instant.EPOCH, FAR))
                .extracting(HistoryPoint::count)
                .as("written whole with the next reading")
                .containsExactly(100L, 101L, 102L);
    }

    @Test
    void aHistoryThatCannotBeReadNowIsNotWrittenOverUntilItHasBeen(CapturedOutput output) throws IOException {
        SourceHistory stored = new SourceHistory();
        stored.record(T0.minus(Duration.ofDays(2)), 400);
        stored.record(T0.minus(Duration.ofDays(1)), 450);
        // Not a file the service can read (an I/O error, not a corrupt document): an empty folder.
        Files.createDirectories(historyFile());
        HistoryBook book = book();

        read(book, 500);

        assertThat(historyFile()).as("not written over").isDirectory();
        assertThat(output.getAll())
                .contains("Could not read the history of " + SOURCE.id())
                .contains("Could not read the stored history of " + SOURCE.id());

        // Readable again (permissions mended): the next reading is added to what was stored.
        Files.delete(historyFile());
        Files.write(historyFile(), HistoryCodec.encode(stored));
        read(book, 501);

        assertThat(book().of(SOURCE.id()).points(Step.RAW, Instant.EPOCH, FAR))
                .extracting(HistoryPoint::count)
                .as("the reading kept in memory meanwhile is added to what was stored, not lost")
                .containsExactly(400L, 450L, 500L, 501L);
    }

    @Test
    void unfinishedWritesInTheHistoryFolderAreRemovedAtStart(CapturedOutput output) throws IOException {
        read(book(), 100);
        // What a crash between writing the temporary file and renaming it leaves behind.
        Path leftover = historyFile().resolveSibling(SOURCE.id() + ".json.4711.tmp");
        Files.writeString(leftover, "{\"version\":1,\"cel");

        HistoryBook restarted = book();

        assertThat(leftover).doesNotExist();
        assertThat(output.getAll()).contains("Removed " + leftover.getFileName() + ", an unfinished write");
        assertThat(restarted.of(SOURCE.id()).lastCount()).hasValue(100);
    }

    private Path historyFile() {
        return dir.resolve("history").resolve(SOURCE.id() + ".json");
    }

    /** A new book over the folder, as a (re)start makes it. */
    private HistoryBook book() {
        return new HistoryBook(
                StateRepository.files(dir, Map.of()),
                new SourceCatalog(new SourceProperties(
                        List.of(new SourceProperties.Source(SOURCE.id(), SOURCE.provider(), SOURCE.account())), null)),
                HistoryProperties.defaults(),
                provider -> false,
                clock,
                new TickerEvents(event -> {}, new SimpleMeterRegistry()));
    }

    /** A refresh read {@code count} a minute after the last one. */
    private void read(HistoryBook book, long count) {
        clock.advance(Duration.ofMinutes(1));
        SourceState after = before.withSnapshot(new Snapshot(count, "octocat", clock.instant(), null, null));
        book.record(new SourceChanged(before, after, SourceChanged.Cause.REFRESH, Duration.ofMillis(50), ++sequence));
        before = after;
    }
}
