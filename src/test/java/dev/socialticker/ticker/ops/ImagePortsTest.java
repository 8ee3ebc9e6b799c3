package dev.socialticker.ticker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Docker image's ports are the service's own: the Dockerfile exposes {@code server.port} and
 * {@code management.server.port} as {@code application.yaml} sets them, and its HEALTHCHECK probes
 * the management port when {@code MANAGEMENT_SERVER_PORT} is not set. A default moved in one file
 * and not the other would leave a healthy container reported unhealthy. {@code .ci/test-healthcheck}
 * runs that HEALTHCHECK command itself.
 */
class ImagePortsTest {
    static final Path APPLICATION_YAML = Path.of("src/main/resources/application.yaml");
    static final Path DOCKERFILE = Path.of("Dockerfile");

    @Test
    void theImageExposesBothPortsAndProbesTheManagementPort() throws IOException {
        JsonNode settings = new ObjectMapper(new YAMLFactory()).readTree(APPLICATION_YAML.toFile());
        String server = settings.at("/server/port").asText();
        String management = settings.at("/management/server/port").asText();
        assertThat(server).as("server.port in %s", APPLICATION_YAML).matches("\\d+");
        assertThat(management)
                .as("management.server.port in %s", APPLICATION_YAML)
                .matches("\\d+")
                .isNotEqualTo(server);

        assertThat(Files.readString(DOCKERFILE))
                .as(DOCKERFILE.toString())
                .containsPattern("(?m)^EXPOSE " + server + " " + management + "$")
                .contains("HEALTHCHECK ")
                .contains("/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT:-" + management + "}");
    }
}
