package dev.socialticker.ticker.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.support.ApiClient;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged jar the way README.md says ({@code java -jar target/…jar} from the repository
 * root, no configuration) and reads the demo source's count over HTTP.
 */
class PackagedApplicationIT {
    private Process process;
    private Path log;

    @Test
    void thePackagedJarServesTheDemoSourceWithNoConfiguration() throws IOException {
        Path jar = Path.of(System.getProperty("app.jar", "target/social-ticker.jar"));
        assertThat(jar).as("packaged jar (run by mvn verify after package)").exists();
        int port = freePort();
        log = Files.createTempFile("social-ticker-it", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=" + port)
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ApiClient api = new ApiClient(port);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> api.get("/api/metrics").statusCode() == 200);

        HttpResponse<String> response = api.get("/api/metrics");
        JsonNode body = ApiClient.json(response);
        assertThat(body.get("total").asLong()).isPositive();
        assertThat(body.get("profile").asText()).isEqualTo("demo");
        assertThat(body.at("/sources/0/id").asText()).isEqualTo("demo");
        assertThat(api.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(api.get("/actuator/health/readiness").body()).contains("camelReadinessState");
        assertThat(api.get("/actuator/prometheus").body()).contains("ticker_followers{");
    }

    @AfterEach
    void stop() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
