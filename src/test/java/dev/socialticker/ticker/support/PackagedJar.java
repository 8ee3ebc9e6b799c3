package dev.socialticker.ticker.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged jar started as README.md says ({@code java -jar target/…jar}), on random ports (the
 * API's and the management port), its
 * console in a temporary file; {@link #close()} stops it and removes the file.
 */
public final class PackagedJar implements AutoCloseable {
    /**
     * The image's JVM options: the file its ENTRYPOINT reads (src/main/docker/jvm.options), passed
     * the same way, as a Java argument file.
     */
    public static final Path IMAGE_JVM_OPTIONS =
            Path.of("src/main/docker/jvm.options").toAbsolutePath();

    public static final List<String> IMAGE_JVM_FLAGS = List.of("@" + IMAGE_JVM_OPTIONS);

    /**
     * The test JVMs' own flags ({@code test.jvm} in pom.xml: the C1 compiler only, the serial
     * collector), for a jar whose test is about what it prints or answers, not about how fast or in
     * how much memory the shipped JVM options run it: such a start costs about half the CPU.
     */
    public static final List<String> QUICK_START_FLAGS = Stream.of(
                    System.getProperty("test.jvm", "").trim().split("\\s+"))
            .filter(flag -> !flag.isEmpty())
            .toList();

    private final Process process;
    private final Path log;
    private final ApiClient api;
    private final ApiClient management;

    private PackagedJar(Process process, Path log, ApiClient api, ApiClient management) {
        this.process = process;
        this.log = log;
        this.api = api;
        this.management = management;
    }

    /** The jar {@code mvn verify} packaged (before its integration tests). */
    public static Path packagedJar() {
        Path jar = Path.of(System.getProperty("app.jar", "target/social-ticker.jar"))
                .toAbsolutePath();
        assertThat(jar).as("packaged jar (run by mvn verify after package)").exists();
        return jar;
    }

    /** Starts the jar in {@code workingDir} with the tests' own JVM, these JVM options and application arguments. */
    public static PackagedJar start(Path workingDir, List<String> jvmOptions, String... args) throws IOException {
        return start(
                Path.of(System.getProperty("java.home"), "bin", "java"), packagedJar(), workingDir, jvmOptions, args);
    }

    /** Starts {@code jar} in {@code workingDir} with the JVM {@code java} (e.g. the image's runtime). */
    public static PackagedJar start(Path java, Path jar, Path workingDir, List<String> jvmOptions, String... args)
            throws IOException {
        int port = LocalPorts.free();
        int managementPort = LocalPorts.free();
        Path log = Files.createTempFile("social-ticker-it", ".log");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(
                List.of("-jar", jar.toString(), "--server.port=" + port, "--management.server.port=" + managementPort));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new PackagedJar(process, log, new ApiClient(port), new ApiClient(managementPort));
    }

    public ApiClient api() {
        return api;
    }

    /** The actuator, on the management port. */
    public ApiClient management() {
        return management;
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
