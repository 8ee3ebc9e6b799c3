package dev.socialticker.ticker.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.PackagedJar;
import dev.socialticker.ticker.support.RequiredTool;
import dev.socialticker.ticker.support.SharedMachine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The jar as the image runs it (Dockerfile): extracted as its build stage does, then under a Java 25
 * JVM with the image's JVM options (src/main/docker/jvm.options) and an AOT cache made by the same
 * training run. The test suite itself runs on Java 17; this is where CI runs the shipped runtime.
 *
 * <p>The service is started with {@code -XX:AOTMode=on} on top of the image's command: with it the
 * JVM refuses to start when it cannot use the cache, so a cache that silently stopped matching
 * (which in production only costs start-up time) fails here.
 */
@ResourceLock(value = SharedMachine.CORES, mode = ResourceAccessMode.READ_WRITE)
class ShippedRuntimeIT {
    private static final String TEST = "ShippedRuntimeIT";
    /** The lines of the Dockerfile this test repeats; it fails when they change without it. */
    private static final String RUNTIME_IMAGE = "FROM eclipse-temurin:25-jre";

    private static final List<String> TRAINING =
            List.of("@jvm.options", "-XX:AOTCacheOutput=application.aot", "-Dspring.context.exit=onRefresh");
    private static final List<String> TRAINING_ARGS =
            List.of("--server.port=0", "--management.server.port=0", "--ticker.store.type=memory");
    private static final List<String> ENTRYPOINT_OPTIONS = List.of("@jvm.options", "-XX:AOTCache=application.aot");

    /** The image's /app: application.jar, lib/, jvm.options and the cache. JUnit removes it. */
    @TempDir
    Path image;

    private PackagedJar service;

    @Test
    void theImagesRuntimeAndOptionsServeTheDemoSourceFromTheAotCache() throws Exception {
        Path java = java25();
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile)
                .as("the Dockerfile runs what this test runs")
                .contains(RUNTIME_IMAGE)
                .contains("COPY src/main/docker/jvm.options ./")
                .contains("RUN java " + String.join(" ", TRAINING) + " -jar application.jar \\\n      "
                        + String.join(" ", TRAINING_ARGS))
                .contains("ENTRYPOINT [\"java\", \"@jvm.options\", \"-XX:AOTCache=application.aot\", \"-jar\", "
                        + "\"application.jar\"]");

        // The build stage: the jar extracted into application.jar + lib/, and the options beside it.
        run(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of("-Djarmode=tools"),
                List.of("extract", "--destination", image.toString(), "--application-filename", "application.jar"),
                PackagedJar.packagedJar());
        Files.copy(PackagedJar.IMAGE_JVM_OPTIONS, image.resolve("jvm.options"));

        String training = run(java, TRAINING, TRAINING_ARGS, image.resolve("application.jar"));
        assertThat(image.resolve("application.aot")).as(training).isNotEmptyFile();

        List<String> options = new ArrayList<>(ENTRYPOINT_OPTIONS);
        options.add("-XX:AOTMode=on");
        service = PackagedJar.start(java, image.resolve("application.jar"), image, options);
        ApiClient api = service.api();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> api.get("/api/metrics").statusCode() == 200);

        JsonNode body = ApiClient.json(api.get("/api/metrics"));
        assertThat(body.get("profile").asText()).isEqualTo("demo");
        assertThat(body.get("total").asLong()).isPositive();
        assertThat(service.management().get("/actuator/health/readiness").body())
                .contains("\"status\":\"UP\"");
        assertThat(service.output())
                .as("the service's own report of its JVM")
                .containsPattern("Starting TickerApplication .* using Java 25")
                .doesNotContain("ERROR");

        // The API is served by Camel's Vert.x server on its event loops; Tomcat runs only for the
        // actuator, on the management port (its threads are named http-nio-<port>-...).
        for (int i = 0; i < 20; i++) {
            assertThat(api.get("/api/metrics").statusCode()).isEqualTo(200);
        }
        URI apiBase = URI.create(api.base());
        assertThat(threadDump(java, service.process().pid()))
                .as("the service's platform threads")
                .contains("\"vert.x-eventloop-thread-")
                .doesNotContain("http-nio-" + apiBase.getPort() + "-");
    }

    /** The platform threads of the JVM {@code pid}, as the JDK's jcmd prints them. */
    private String threadDump(Path java, long pid) throws Exception {
        Path jcmd = java.resolveSibling("jcmd");
        RequiredTool.require(Files.isExecutable(jcmd), TEST, "jcmd of the Java 25 JDK (" + jcmd + ")");
        return run(List.of(jcmd.toString(), Long.toString(pid), "Thread.print"));
    }

    /** Runs {@code java options -jar jar args} in the image folder; returns its output once it exited 0. */
    private String run(Path java, List<String> options, List<String> args, Path jar) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        return run(command);
    }

    /** Runs {@code command} in the image folder; returns its output once it exited 0. */
    private String run(List<String> command) throws Exception {
        Path log = Files.createTempFile("social-ticker-image", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(image.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean exited = process.waitFor(180, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log);
            assertThat(exited).as("%s ended within 180 s:%n%s", command, output).isTrue();
            assertThat(process.exitValue()).as("%s:%n%s", command, output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** JAVA25_HOME, else Temurin's under /usr/lib/jvm (where this project's machines have it). */
    private static Path java25() throws IOException {
        Optional<Path> home = Optional.ofNullable(System.getenv("JAVA25_HOME")).map(Path::of);
        if (home.isEmpty() && Files.isDirectory(Path.of("/usr/lib/jvm"))) {
            try (DirectoryStream<Path> jvms = Files.newDirectoryStream(Path.of("/usr/lib/jvm"), "temurin-25*")) {
                for (Path jvm : jvms) {
                    home = Optional.of(jvm);
                }
            }
        }
        Path java = home.map(dir -> dir.resolve("bin/java")).orElse(Path.of("/nonexistent"));
        RequiredTool.require(
                Files.isExecutable(java),
                TEST,
                "a Java 25 runtime, the image's (JAVA25_HOME, or Temurin's at /usr/lib/jvm/temurin-25-*)");
        String release = Files.readString(java.getParent().getParent().resolve("release"));
        assertThat(release).as(java + "'s release file").contains("JAVA_VERSION=\"25");
        return java;
    }

    @AfterEach
    void stop() throws Exception {
        // Before JUnit removes the folder the service runs in.
        if (service != null) {
            service.close();
        }
    }
}
