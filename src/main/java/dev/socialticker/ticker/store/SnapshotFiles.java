package dev.socialticker.ticker.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.AtomicFile;
import dev.socialticker.ticker.config.TickerConfigurationException;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable copy of every source's state ({@code ticker.store.type=file}, the default): one JSON
 * file per source in {@code ticker.store.dir}, so a restart, a deploy or a crash never costs the
 * audience its number. Each write is an {@link AtomicFile}: a crash mid-write leaves the last good
 * file, never half of one. A file that
 * cannot be read is moved aside, with a log line, and the service starts without it.
 *
 * <p>Written by hand because it is a few lines of {@code java.nio}: an embedded database would be a
 * second store to operate for a handful of small documents.
 */
class SnapshotFiles implements BackingStore {
    private static final Logger log = LoggerFactory.getLogger(SnapshotFiles.class);

    private final Path dir;
    private final ObjectMapper json;
    private final Clock clock;

    /** Opens (creating it if needed) the folder; refuses to start with one it cannot write. */
    SnapshotFiles(Path dir, ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir);
            if (!Files.isWritable(this.dir)) {
                throw new IOException("not writable");
            }
        } catch (IOException unusable) {
            throw new TickerConfigurationException("ticker.store.dir: cannot use " + this.dir + " for snapshots ("
                    + unusable.getMessage() + "); give a writable folder, or set ticker.store.type=memory");
        }
        removeLeftovers();
    }

    @Override
    public Map<String, SourceState> readAll(List<TickerSource> sources) {
        Map<String, SourceState> states = new LinkedHashMap<>();
        sources.forEach(source -> read(source).ifPresent(state -> states.put(source.id(), state)));
        return states;
    }

    @Override
    public String description() {
        return dir + " (ticker.store.dir)";
    }

    /** The stored state of a source, if a usable file exists for it. */
    Optional<SourceState> read(TickerSource source) {
        Path file = fileOf(source.id());
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        StoredState content;
        try {
            content = json.readValue(file.toFile(), StoredState.class);
        } catch (IOException unreadable) {
            moveAside(file, "it is not a snapshot file (" + firstLine(unreadable.getMessage()) + ")");
            return Optional.empty();
        }
        Optional<String> unreadable = content.unreadableBecause();
        if (unreadable.isPresent()) {
            moveAside(file, unreadable.get());
            return Optional.empty();
        }
        Optional<SourceState> state = content.stateFor(source);
        if (state.isEmpty()) {
            log.info("Snapshot file {} belongs to {} {}, not to the configured {} {}: not used, and replaced at the"
                    + " next refresh", file, content.source().provider(), content.source().account(), source.provider(),
                    source.account());
        }
        return state;
    }

    /**
     * Writes a source's state atomically. A write that fails (disk full, permissions) is logged and
     * the in-memory state stays authoritative: serving goes on, the next write tries again.
     */
    @Override
    public void write(SourceState state) {
        Path target = fileOf(state.source().id());
        try {
            AtomicFile.write(target, json.writeValueAsBytes(StoredState.of(state)));
        } catch (IOException failed) {
            log.warn("Could not write snapshot file {}: {}; the count stays in memory and the next refresh tries again",
                    target, failed.getMessage());
        }
    }

    @Override
    public void delete(String sourceId) {
        try {
            AtomicFile.delete(fileOf(sourceId));
        } catch (IOException failed) {
            log.warn("Could not delete snapshot file {}: {}", fileOf(sourceId), failed.getMessage());
        }
    }

    private Path fileOf(String sourceId) {
        // Source ids are [a-z0-9-] (checked at start-up): safe as file names.
        return dir.resolve(sourceId + ".json");
    }

    private void moveAside(Path file, String why) {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + clock.millis());
        try {
            Files.move(file, aside);
            log.warn("Snapshot file {} is unreadable: {}; moved aside to {}; the source starts without stored data",
                    file, why, aside.getFileName());
        } catch (IOException failed) {
            log.warn("Snapshot file {} is unreadable: {}; it could not be moved aside ({})", file, why,
                    failed.getMessage());
        }
    }

    /** Temporary files a crash left behind: never complete, never read. */
    private void removeLeftovers() {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                log.info("Removed {}, an unfinished write from an earlier run", leftover.getFileName());
            }
        } catch (IOException failed) {
            log.warn("Could not list {} for unfinished writes: {}", dir, failed.getMessage());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
