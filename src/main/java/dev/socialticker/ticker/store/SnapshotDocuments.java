package dev.socialticker.ticker.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The durable copy of every source's state, and its one codec: one JSON document per source
 * ({@link StoredState}) in the {@link StateRepository}, whatever keeps it: {@code <id>.json} in
 * {@code ticker.store.dir} (the default), the Redis key {@code state:<id>} in the shared mode, or
 * memory. A restart, a deploy or a crash never costs the audience its number. A file is written
 * atomically: a crash mid-write leaves the last good one. A document that cannot be read is moved
 * aside, with a log line, and the service starts without it; one of another account (the source id
 * was pointed elsewhere since) is not used.
 *
 * <p>A document that cannot be written now (disk full, Redis away) is logged and the in-memory state
 * stays authoritative: serving goes on, the next write tries again.
 */
@Component
public class SnapshotDocuments {
    private static final Logger log = LoggerFactory.getLogger(SnapshotDocuments.class);

    private final StateRepository state;
    private final ObjectMapper json;
    private final Clock clock;

    SnapshotDocuments(StateRepository state, ObjectMapper json, Clock clock) {
        this.state = state;
        this.json = json;
        this.clock = clock;
    }

    /** The stored states of the sources that have a usable one, by source id; none while unreachable. */
    Map<String, SourceState> readAll(List<TickerSource> sources) {
        return tryReadAll(sources).orElseGet(Map::of);
    }

    /**
     * The stored states of the sources that have a usable one, by source id, in one read of the
     * repository; empty when it cannot be read now (not: "it holds none").
     */
    public Optional<Map<String, SourceState>> tryReadAll(List<TickerSource> sources) {
        Map<StateKey, byte[]> documents;
        try {
            documents = state.readMany(sources.stream()
                    .map(source -> StateKey.snapshot(source.id()))
                    .toList());
        } catch (IOException unreachable) {
            log.debug("The stored states cannot be read now: {}", unreachable.getMessage());
            return Optional.empty();
        }
        Map<String, SourceState> states = new LinkedHashMap<>();
        for (TickerSource source : sources) {
            byte[] document = documents.get(StateKey.snapshot(source.id()));
            if (document != null) {
                decode(source, document).ifPresent(read -> states.put(source.id(), read));
            }
        }
        return Optional.of(states);
    }

    /** The stored state of a source, if a usable document exists for it and can be read now. */
    public Optional<SourceState> read(TickerSource source) {
        StateKey key = StateKey.snapshot(source.id());
        try {
            Optional<byte[]> document = state.read(key);
            return document.isEmpty() ? Optional.empty() : decode(source, document.get());
        } catch (IOException unreachable) {
            log.debug("{} cannot be read now: {}", state.where(key), unreachable.getMessage());
            return Optional.empty();
        }
    }

    void write(SourceState written) {
        StateKey key = StateKey.snapshot(written.source().id());
        try {
            state.write(key, json.writeValueAsBytes(StoredState.of(written)));
        } catch (IOException failed) {
            cannot("write", key, failed);
        }
    }

    /** Forgets a source's stored state (admin invalidation). */
    void delete(String sourceId) {
        StateKey key = StateKey.snapshot(sourceId);
        try {
            state.delete(key);
        } catch (IOException failed) {
            cannot("delete", key, failed);
        }
    }

    /** Where states are kept, for the start-up log line. */
    String description() {
        return state.description();
    }

    /**
     * Alone, each failed write is news; in the shared mode the Redis link has said once that Redis
     * is away, and a line per refresh would bury it.
     */
    private void cannot(String what, StateKey key, IOException failed) {
        if (state.shared()) {
            log.debug("Could not {} {}: {}", what, state.where(key), failed.getMessage());
        } else {
            log.warn(
                    "Could not {} snapshot file {}: {}; the count stays in memory and the next refresh tries again",
                    what,
                    state.where(key),
                    failed.getMessage());
        }
    }

    private Optional<SourceState> decode(TickerSource source, byte[] document) {
        StateKey key = StateKey.snapshot(source.id());
        StoredState content;
        try {
            content = json.readValue(document, StoredState.class);
        } catch (IOException unreadable) {
            moveAside(key, "it is not a snapshot file (" + firstLine(unreadable.getMessage()) + ")");
            return Optional.empty();
        }
        Optional<String> unreadable = content.unreadableBecause();
        if (unreadable.isPresent()) {
            moveAside(key, unreadable.get());
            return Optional.empty();
        }
        Optional<SourceState> read = content.stateFor(source);
        if (read.isEmpty()) {
            log.info(
                    "Snapshot file {} belongs to {} {}, not to the configured {} {}: not used, and replaced at the"
                            + " next refresh",
                    state.where(key),
                    content.source().provider(),
                    content.source().account(),
                    source.provider(),
                    source.account());
        }
        return read;
    }

    private void moveAside(StateKey key, String why) {
        String where = state.where(key);
        try {
            String aside = state.setAside(key, "unreadable-" + clock.millis());
            log.warn(
                    "Snapshot file {} is unreadable: {}; moved aside to {}; the source starts without stored data",
                    where,
                    why,
                    aside);
        } catch (IOException failed) {
            log.warn(
                    "Snapshot file {} is unreadable: {}; it could not be moved aside ({})",
                    where,
                    why,
                    failed.getMessage());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
