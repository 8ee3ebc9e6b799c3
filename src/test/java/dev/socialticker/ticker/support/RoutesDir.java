package dev.socialticker.ticker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.core.io.ClassPathResource;

/** A temporary {@code ticker.routes.dir}, filled from {@code src/test/resources/provider-files/}. */
public final class RoutesDir implements AutoCloseable {
    private final Path dir;

    public RoutesDir(String... files) {
        try {
            dir = Files.createTempDirectory("ticker-routes-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String file : files) {
            copy(file, file);
        }
    }

    public Path path() {
        return dir;
    }

    /** Copies a provider file from the test resources into the folder, under {@code target} name. */
    public void copy(String source, String target) {
        write(target, read(source));
    }

    public void write(String target, String content) {
        try {
            // Written aside, then moved: a watcher never sees half a file.
            Path tmp = Files.createTempFile(dir.getParent(), "partial-", ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(
                    tmp,
                    dir.resolve(target),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String target) {
        try {
            Files.deleteIfExists(dir.resolve(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String file) {
        try {
            return new ClassPathResource("provider-files/" + file).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
