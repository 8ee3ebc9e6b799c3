package dev.socialticker.ticker.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** A tool a test needs from the machine: in CI its absence fails the build, naming it; elsewhere the test is skipped. */
public final class RequiredTool {
    private RequiredTool() {}

    /**
     * Where an executable is: on PATH, or at one of the places given (Debian puts some tools in
     * /usr/sbin, which is not on every user's PATH).
     */
    public static Optional<Path> find(String name, String... alsoAt) {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name));
        return Stream.concat(onPath, Stream.of(alsoAt).map(Path::of))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * @param tool what is missing and where it comes from, e.g. "redis-server (Debian package redis-server)"
     */
    public static void require(boolean present, String test, String tool) {
        if (present) {
            return;
        }
        String message = test + " needs " + tool;
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
