package dev.socialticker.ticker.state;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place state is kept, chosen by {@code ticker.store.type}: files in {@code ticker.store.dir}
 * ({@code file}, the default; a token in its {@code token-file}), Redis under
 * {@code ticker.store.key-prefix} ({@code redis}, the shared mode: every instance reads and writes the
 * same documents), or memory ({@code memory}; tokens still in their {@code token-file}, as they always
 * were). Documents are bytes (JSON, written by the feature that owns them); a file is written
 * atomically, so a crash leaves the old document or the new one.
 *
 * <p>A document that cannot be read or written now throws {@link IOException}; the caller decides
 * what that costs (a log line, a start without it), so the service never goes down for its state.
 */
public interface StateRepository {

    /** The document, or empty when none is kept. */
    Optional<byte[]> read(StateKey key) throws IOException;

    /**
     * The documents kept of {@code keys}, by key (a key without one is absent): in the shared mode one
     * round trip, whatever the number of keys.
     */
    default Map<StateKey, byte[]> readMany(List<StateKey> keys) throws IOException {
        Map<StateKey, byte[]> documents = new LinkedHashMap<>();
        for (StateKey key : keys) {
            read(key).ifPresent(document -> documents.put(key, document));
        }
        return documents;
    }

    void write(StateKey key, byte[] document) throws IOException;

    /**
     * Writes a document that is forgotten after {@code expiry}: the fleet's facts about its refreshes
     * ({@link StateKey.Kind#REFRESH_ATTEMPT}, {@link StateKey.Kind#NOT_BEFORE}), which only the shared
     * mode keeps; alone, the refresh gate keeps them in memory itself.
     *
     * @throws IOException here too when this repository keeps no expiring documents (not shared)
     */
    void write(StateKey key, byte[] document, Duration expiry) throws IOException;

    void delete(StateKey key) throws IOException;

    /**
     * Moves a document this version cannot read out of the way, kept for a person to look at
     * ({@code <file>.<suffix>}, or the Redis key {@code <key>:<suffix>}).
     *
     * @return the name it has now
     */
    String setAside(StateKey key, String suffix) throws IOException;

    /** Where the document is kept, for log lines: a file, a Redis key, or "memory". Never its content. */
    String where(StateKey key);

    /** Where the documents are kept, for the start-up log line. */
    String description();

    /** True when several instances share these documents (the shared mode). */
    boolean shared();

    /**
     * Tells the other instances of the fleet something changed ({@code message}, read by their
     * subscription to the fleet's channel); alone, there is no one to tell.
     */
    void announce(String message) throws IOException;

    /**
     * Takes or renews a lease that one holder at a time may have, for {@code ttl}: in the shared mode
     * a Redis key with its holder and an expiry; alone, the one instance always holds it.
     *
     * @return true when {@code holder} holds it now
     */
    boolean holdLease(String name, String holder, Duration ttl) throws IOException;

    /** Gives the lease up, if {@code holder} holds it, so another takes it without waiting for the expiry. */
    void releaseLease(String name, String holder) throws IOException;

    /**
     * Files in {@code dir} (created if needed; refuses to start with one it cannot write); a provider's
     * token in its file from {@code tokenFiles} ({@link TokenFileLocations}).
     */
    static StateRepository files(Path dir, Map<String, Path> tokenFiles) {
        return new LocalState(dir, tokenFiles);
    }

    /** Memory only; a provider's token still in its file from {@code tokenFiles}. */
    static StateRepository memory(Map<String, Path> tokenFiles) {
        return new LocalState(null, tokenFiles);
    }
}
