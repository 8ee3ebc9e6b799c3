package dev.socialticker.ticker.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar started as README.md says ({@code java -jar target/…jar}), on a random port, its
 * console in a temporary file; {@link #close()} stops it and removes the file.
 */
public final class PackagedJar implements AutoCloseable {
    /** The Dockerfile's JVM flags (keep in step with its ENTRYPOINT). */
    public static final List<String> IMAGE_JVM_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xms64m",
            "-Xmx128m",
            "-Xss512k",
            "-XX:MaxMetaspaceSize=128m",
            "-XX:ReservedCodeCacheSize=48m",
            "-XX:+ExitOnOutOfMemoryError");

    private final Process process;
    private final Path log;
    private final ApiClient api;

    private PackagedJar(Process process, Path log, ApiClient api) {
        this.process = process;
        this.log = log;
        this.api = api;
    }

    /** Starts the jar in {@code workingDir} with these JVM options and application arguments. */
    public static PackagedJar start(Path workingDir, List<String> jvmOptions, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("app.jar", "target/social-ticker.jar"))
                .toAbsolutePath();
        assertThat(jar).as("packaged jar (run by mvn verify after package)").exists();
        int port = LocalPorts.free();
        Path log = Files.createTempFile("social-ticker-it", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new PackagedJar(process, log, new ApiClient(port));
    }

    public ApiClient api() {
        return api;
    }

    public Process process() {
        return process;
    }

    /** What it printed so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }
}
