package dev.socialticker.ticker.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.QuotaUsage;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.state.StateRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The snapshot documents in the file repository on a real folder: what survives, what a crash leaves, what is moved aside. */
@ExtendWith(OutputCaptureExtension.class)
class SnapshotDocumentsTest {
    static final TickerSource SOURCE = new TickerSource("instagram-acme", "instagram", "17841400000000000");
    static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
    static final SourceState STATE = new SourceState(
            SOURCE,
            new Snapshot(267788, "acme", AT, new QuotaUsage(41, null), "\"v1\""),
            new Failure(FailureCode.RATE_LIMITED, "The provider's rate limit was reached", AT.plusSeconds(60), 429, 1));

    @TempDir
    Path dir;

    @Test
    void aWrittenStateIsReadBackWhole() {
        files().write(STATE);

        assertThat(files().read(SOURCE)).hasValue(STATE);
        assertThat(dir.resolve("instagram-acme.json")).exists();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aCrashMidWriteLeavesTheLastGoodFile(CapturedOutput output) throws IOException {
        files().write(STATE);
        // What a crash between writing the temporary file and renaming it leaves behind.
        Files.writeString(dir.resolve("instagram-acme.123.tmp"), "{\"format\":1,\"source\":{\"id\":\"instagr");

        SnapshotDocuments restarted = files();

        assertThat(restarted.read(SOURCE)).hasValue(STATE);
        assertThat(tempFiles()).isEmpty();
        assertThat(output.getAll()).contains("Removed instagram-acme.123.tmp, an unfinished write from an earlier run");
    }

    @Test
    void aCorruptFileIsMovedAsideAndTheSourceStartsEmpty(CapturedOutput output) throws IOException {
        Files.writeString(dir.resolve("instagram-acme.json"), "{\"format\":1,\"source\":{\"id\":");

        assertThat(files().read(SOURCE)).isEmpty();

        assertThat(dir.resolve("instagram-acme.json")).doesNotExist();
        try (Stream<Path> aside = Files.list(dir)) {
            assertThat(aside.map(path -> path.getFileName().toString()))
                    .singleElement()
                    .asString()
                    .startsWith("instagram-acme.json.unreadable-");
        }
        assertThat(output.getAll()).contains("Snapshot file " + dir.resolve("instagram-acme.json") + " is unreadable");
    }

    @Test
    void aFileOfAnotherFormatIsMovedAsideNotMisread() throws IOException {
        Files.writeString(dir.resolve("instagram-acme.json"), "{\"format\":2,\"source\":" + sourceJson() + "}");

        assertThat(files().read(SOURCE)).isEmpty();
        assertThat(dir.resolve("instagram-acme.json")).doesNotExist();
    }

    @Test
    void theStateOfAnotherAccountUnderTheSameIdIsNotServed() {
        files().write(STATE);
        TickerSource repointed = new TickerSource(SOURCE.id(), "instagram", "17841499999999999");

        assertThat(files().read(repointed)).isEmpty();
        assertThat(dir.resolve("instagram-acme.json"))
                .as("kept until the next write")
                .exists();
    }

    @Test
    void aDeletedStateIsGone() {
        files().write(STATE);
        files().delete(SOURCE.id());
        assertThat(files().read(SOURCE)).isEmpty();
    }

    @Test
    void readAllReturnsTheUsableStatesById() {
        files().write(STATE);
        TickerSource other = new TickerSource("github-acme", "github", "acme");

        assertThat(files().readAll(List.of(SOURCE, other))).containsExactly(Map.entry(SOURCE.id(), STATE));
    }

    private SnapshotDocuments files() {
        return Documents.over(StateRepository.files(dir, Map.of()), clock());
    }

    private static Clock clock() {
        return Clock.fixed(AT, ZoneOffset.UTC);
    }

    private List<Path> tempFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> path.toString().endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sourceJson() {
        return "{\"id\":\"instagram-acme\",\"provider\":\"instagram\",\"account\":\"17841400000000000\"}";
    }
}
