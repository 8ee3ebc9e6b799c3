package dev.socialticker.ticker.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import java.io.IOException;
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
 * document per source in the {@link StateRepository} ({@code <id>.json} in {@code ticker.store.dir}),
 * so a restart, a deploy or a crash never costs the audience its number. Each write is atomic: a
 * crash mid-write leaves the last good file, never half of one. A file that cannot be read is moved
 * aside, with a log line, and the service starts without it.
 *
 * <p>Written by hand because it is a few lines over the repository: an embedded database would be a
 * second store to operate for a handful of small documents.
 */
class SnapshotFiles implements BackingStore {
    private static final Logger log = LoggerFactory.getLogger(SnapshotFiles.class);

    private final StateRepository files;
    private final ObjectMapper json;
    private final Clock clock;

    SnapshotFiles(StateRepository files, ObjectMapper json, Clock clock) {
        this.files = files;
        this.json = json;
        this.clock = clock;
    }

    /** Opens (creating it if needed) the folder; refuses to start with one it cannot write. */
    SnapshotFiles(Path dir, ObjectMapper json, Clock clock) {
        this(StateRepository.files(dir, Map.of()), json, clock);
    }

    @Override
    public Map<String, SourceState> readAll(List<TickerSource> sources) {
        Map<String, SourceState> states = new LinkedHashMap<>();
        sources.forEach(source -> read(source).ifPresent(state -> states.put(source.id(), state)));
        return states;
    }

    @Override
    public String description() {
        return files.description();
    }

    /** The stored state of a source, if a usable file exists for it. */
    Optional<SourceState> read(TickerSource source) {
        StateKey key = StateKey.snapshot(source.id());
        String file = files.where(key);
        StoredState content;
        try {
            Optional<byte[]> document = files.read(key);
            if (document.isEmpty()) {
                return Optional.empty();
            }
            content = json.readValue(document.get(), StoredState.class);
        } catch (IOException unreadable) {
            moveAside(key, "it is not a snapshot file (" + firstLine(unreadable.getMessage()) + ")");
            return Optional.empty();
        }
        Optional<String> unreadable = content.unreadableBecause();
        if (unreadable.isPresent()) {
            moveAside(key, unreadable.get());
            return Optional.empty();
        }
        Optional<SourceState> state = content.stateFor(source);
        if (state.isEmpty()) {
            log.info(
                    "Snapshot file {} belongs to {} {}, not to the configured {} {}: not used, and replaced at the"
                            + " next refresh",
                    file,
                    content.source().provider(),
                    content.source().account(),
                    source.provider(),
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
        StateKey key = StateKey.snapshot(state.source().id());
        try {
            files.write(key, json.writeValueAsBytes(StoredState.of(state)));
        } catch (IOException failed) {
            log.warn(
                    "Could not write snapshot file {}: {}; the count stays in memory and the next refresh tries again",
                    files.where(key),
                    failed.getMessage());
        }
    }

    @Override
    public void delete(String sourceId) {
        StateKey key = StateKey.snapshot(sourceId);
        try {
            files.delete(key);
        } catch (IOException failed) {
            log.warn("Could not delete snapshot file {}: {}", files.where(key), failed.getMessage());
        }
    }

    private void moveAside(StateKey key, String why) {
        String file = files.where(key);
        try {
            String aside = files.setAside(key, "unreadable-" + clock.millis());
            log.warn(
                    "Snapshot file {} is unreadable: {}; moved aside to {}; the source starts without stored data",
                    file,
                    why,
                    aside);
        } catch (IOException failed) {
            log.warn(
                    "Snapshot file {} is unreadable: {}; it could not be moved aside ({})",
                    file,
                    why,
                    failed.getMessage());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
