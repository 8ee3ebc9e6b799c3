package dev.socialticker.ticker.state;

import dev.socialticker.ticker.AtomicFile;
import dev.socialticker.ticker.config.TickerConfigurationException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's state: files ({@code ticker.store.type=file}), each written atomically
 * ({@link AtomicFile}; the {@code *.tmp} a crash left is removed at start-up), or memory
 * ({@code memory}). A token is kept in its provider's {@code token-file} in both, else in the
 * folder's {@value #TOKEN_DIR} (files mode), readable by the service's user only: an OAuth 2.0
 * refresh token a person's sign-in obtained must outlive the process. Everything in memory mode
 * lives as long as the process. Leases: the one instance always holds them.
 */
final class LocalState implements StateRepository {
    private static final Logger log = LoggerFactory.getLogger(LocalState.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    /** The histories' sub-folder of the state folder. */
    static final String HISTORY_DIR = "history";
    /** The tokens' sub-folder of the state folder, for a provider without a {@code token-file}. */
    static final String TOKEN_DIR = "tokens";

    /** Null: memory mode. */
    private final Path dir;

    private final Map<String, Path> tokenFiles;
    private final Map<StateKey, byte[]> memory = new ConcurrentHashMap<>();

    LocalState(Path dir, Map<String, Path> tokenFiles) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
        this.tokenFiles = Map.copyOf(tokenFiles);
        if (this.dir != null) {
            open(this.dir);
        }
    }

    /** Opens (creating it if needed) the folder; refuses to start with one it cannot write. */
    private static void open(Path dir) {
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new IOException("not writable");
            }
        } catch (IOException unusable) {
            throw new TickerConfigurationException(
                    "ticker.store.dir",
                    "cannot use " + dir + " for snapshots (" + unusable.getMessage()
                            + "); give a writable folder, or set ticker.store.type=memory");
        }
        removeLeftovers(dir);
        if (Files.isDirectory(dir.resolve(HISTORY_DIR))) {
            removeLeftovers(dir.resolve(HISTORY_DIR));
        }
    }

    /** Temporary files a crash left behind: never complete, never read. */
    private static void removeLeftovers(Path dir) {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                log.info("Removed {}, an unfinished write from an earlier run", leftover.getFileName());
            }
        } catch (IOException failed) {
            log.warn("Could not list {} for unfinished writes: {}", dir, failed.getMessage());
        }
    }

    @Override
    public Optional<byte[]> read(StateKey key) throws IOException {
        Path file = fileOf(key);
        if (file == null) {
            return Optional.ofNullable(memory.get(key));
        }
        return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    @Override
    public void write(StateKey key, byte[] document) throws IOException {
        Path file = fileOf(key);
        if (file == null) {
            memory.put(key, document.clone());
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, document);
        if (key.kind() == StateKey.Kind.TOKEN
                && Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            // The temporary file was created owner-only already; said again in case a umask or an ACL differs.
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    @Override
    public void write(StateKey key, byte[] document, Duration expiry) throws IOException {
        throw new IOException(where(key) + ": expiring documents are kept only in the shared mode");
    }

    @Override
    public void delete(StateKey key) throws IOException {
        Path file = fileOf(key);
        if (file == null) {
            memory.remove(key);
        } else {
            AtomicFile.delete(file);
        }
    }

    @Override
    public String setAside(StateKey key, String suffix) throws IOException {
        Path file = fileOf(key);
        if (file == null) {
            memory.remove(key);
            return "memory";
        }
        Path aside = file.resolveSibling(file.getFileName() + "." + suffix);
        Files.move(file, aside);
        return aside.getFileName().toString();
    }

    @Override
    public String description() {
        return dir == null
                ? "memory only (ticker.store.type=memory): a restart starts without data"
                : dir + " (ticker.store.dir)";
    }

    @Override
    public String where(StateKey key) {
        Path file = fileOf(key);
        return file == null ? "memory" : file.toString();
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public void announce(String message) {
        // alone: nobody to tell
    }

    @Override
    public boolean holdLease(String name, String holder, Duration ttl) {
        return true;
    }

    @Override
    public void releaseLease(String name, String holder) {
        // alone: nobody to hand it to
    }

    /** The document's file, or null when it is kept in memory. */
    private Path fileOf(StateKey key) {
        return switch (key.kind()) {
            case TOKEN ->
                tokenFiles.containsKey(key.id())
                        ? tokenFiles.get(key.id())
                        : dir == null ? null : dir.resolve(TOKEN_DIR).resolve(key.id() + ".json");
            // Source ids are [a-z0-9-] (checked at start-up): safe as file names.
            case SNAPSHOT -> dir == null ? null : dir.resolve(key.id() + ".json");
            case INCIDENTS -> dir == null ? null : dir.resolve(key.id() + ".json");
            case HISTORY -> dir == null ? null : dir.resolve(HISTORY_DIR).resolve(key.id() + ".json");
            // The fleet's facts, never written alone (see write with an expiry).
            case REFRESH_ATTEMPT, NOT_BEFORE, SIGN_IN, ROSTER -> null;
        };
    }
}
