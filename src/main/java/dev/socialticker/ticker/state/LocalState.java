package dev.socialticker.ticker.state;

import dev.socialticker.ticker.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance's state: files ({@code ticker.store.type=file}) or memory ({@code memory}). A token is
 * kept in its provider's {@code token-file} in both, readable by the service's user only; a token
 * without a file, and everything in memory mode, lives as long as the process. Leases: the one
 * instance always holds them.
 */
final class LocalState implements StateRepository {
    private static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    /** Null: memory mode. */
    private final Path dir;
    private final Map<String, Path> tokenFiles;
    private final Map<StateKey, byte[]> memory = new ConcurrentHashMap<>();

    LocalState(Path dir, Map<String, Path> tokenFiles) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
        this.tokenFiles = Map.copyOf(tokenFiles);
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
    public void delete(StateKey key) throws IOException {
        Path file = fileOf(key);
        if (file == null) {
            memory.remove(key);
        } else {
            AtomicFile.delete(file);
        }
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
            case TOKEN -> tokenFiles.get(key.id());
            // Source ids are [a-z0-9-] (checked at start-up): safe as file names.
            case SNAPSHOT -> dir == null ? null : dir.resolve(key.id() + ".json");
            case INCIDENTS -> dir == null ? null : dir.resolve(key.id() + ".json");
        };
    }
}
