package dev.socialticker.ticker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a crash leaves the old content or the new, never half of one: a temporary
 * file beside it, forced to disk, renamed over it, and the rename made durable. Leftover
 * {@code *.tmp} files of an interrupted write are never read.
 */
public final class AtomicFile {
    private AtomicFile() {}

    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, target);
        } catch (IOException failed) {
            Files.deleteIfExists(temp);
            throw failed;
        }
        forceDirectory(dir);
    }

    /** Deletes a file and makes the deletion durable. */
    public static void delete(Path target) throws IOException {
        Files.deleteIfExists(target);
        forceDirectory(target.toAbsolutePath().getParent());
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException unusual) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes a rename durable; not every platform lets a folder be opened for that. */
    private static void forceDirectory(Path dir) {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // the file's own force already happened; the rename is durable at the next sync
        }
    }
}
