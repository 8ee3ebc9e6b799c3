package dev.socialticker.ticker.packaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.PackagedJar;
import dev.socialticker.ticker.support.SharedMachine;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Starts the packaged jar the way README.md says ({@code java -jar target/…jar}) and reads counts
 * over HTTP: from the repository root with no configuration, and from a folder without
 * {@code routes/}, where the built-in providers must come from the jar itself.
 */
@ResourceLock(value = SharedMachine.CORES, mode = ResourceAccessMode.READ_WRITE)
class PackagedApplicationIT {
    // Not reset between tests: the stubs are in place before the shared jar starts.
    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .resetOnEachTest(false)
            .build();

    private PackagedJar jar;
    /** A folder without routes/ or configuration; the jar keeps its file store (data/) in it. JUnit removes it. */
    @TempDir
    Path emptyDir;

    @Test
    void thePackagedJarServesTheDemoSourceWithNoConfiguration() throws IOException {
        ApiClient api = start(Path.of(System.getProperty("user.dir")));

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> api.get("/api/metrics").statusCode() == 200);

        HttpResponse<String> response = api.get("/api/metrics");
        JsonNode body = ApiClient.json(response);
        assertThat(body.get("total").asLong()).isPositive();
        assertThat(body.get("profile").asText()).isEqualTo("demo");
        assertThat(body.at("/sources/0/id").asText()).isEqualTo("demo");
        // The actuator on the management port, the page and the API on the other.
        ApiClient management = jar.management();
        assertThat(management.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(management.get("/actuator/health/readiness").body()).contains("camelReadinessState");
        assertThat(management.get("/actuator/prometheus").body()).contains("ticker_followers{");
        assertThat(api.get("/actuator/health").statusCode()).isEqualTo(404);
        assertThat(api.get("/").body()).contains("<html");
    }

    /**
     * One jar from a folder without routes/ or configuration, with two GitHub sources: one answered,
     * one rate-limited with a long {@code Retry-After}. Its tests share the one start.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithTwoGitHubSources {
        private PackagedJar shared;
        private ApiClient api;
        private Path sharedDir;

        @BeforeAll
        void start(@TempDir Path dir) throws IOException {
            sharedDir = dir;
            github.stubFor(get(urlPathEqualTo("/users/octocat"))
                    .willReturn(okJson("{\"login\": \"octocat\", \"followers\": 20}")));
            github.stubFor(get(urlPathEqualTo("/users/busy"))
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
            shared = PackagedJar.start(
                    sharedDir,
                    PackagedJar.QUICK_START_FLAGS,
                    "--ticker.sources[0].provider=github",
                    "--ticker.sources[0].account=octocat",
                    "--ticker.sources[1].provider=github",
                    "--ticker.sources[1].account=busy",
                    "--ticker.providers.github.base-url=" + github.baseUrl());
            api = shared.api();
        }

        @AfterAll
        void stop() throws Exception {
            // Before JUnit removes the temporary folder the jar works in.
            if (shared != null) {
                shared.close();
            }
        }

        @Test
        void theBuiltInProvidersTravelInsideTheJar() throws IOException {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> ApiClient.json(api.get("/api/metrics/github-octocat"))
                                    .path("total")
                                    .asLong()
                            == 20);
            assertThat(shared.output()).contains("Provider 'github' loaded from built-in github.camel.yaml");
            assertThat(sharedDir.resolve("data/github-octocat.json"))
                    .as("the file store, relative to the working directory")
                    .exists();
        }

        /**
         * The packaged jar, not only the test context: a 429 with {@code Retry-After: 120} ends the
         * refresh at once (the HTTP client must not wait it out by itself) and is recorded as such.
         * Once, the test context and the jar disagreed on exactly this.
         */
        @Test
        void aLongRetryAfterIsRecordedNotWaitedFor() throws IOException {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    // until a failure is recorded (NO_DATA and STARTING count no attempts)
                    .until(() -> ApiClient.json(api.get("/api/metrics/github-busy"))
                                    .at("/error/attempts")
                                    .asInt()
                            > 0);
            JsonNode error = ApiClient.json(api.get("/api/metrics/github-busy")).get("error");
            assertThat(error.get("code").asText()).as(error.toString()).isEqualTo("RATE_LIMITED");
            assertThat(error.get("httpStatus").asInt()).isEqualTo(429);
            assertThat(error.get("attempts").asInt()).isEqualTo(1);
            github.verify(1, getRequestedFor(urlPathEqualTo("/users/busy")));
            assertThat(shared.output()).doesNotContain("automatically re-executed");
        }
    }

    /**
     * What a newcomer sees when start-up is refused: Boot's report as readable lines by default, and
     * one JSON object per line (with the same report inside) when a structured format is chosen.
     */
    @Test
    void aStartUpRefusalIsReadableByDefaultAndOneJsonLinePerEventWithEcs() throws Exception {
        // Both at once: each start spends most of its time on one core.
        try (PackagedJar readableStart =
                        PackagedJar.start(emptyDir, PackagedJar.QUICK_START_FLAGS, "--ticker.refresh.period=0s");
                PackagedJar jsonStart = PackagedJar.start(
                        emptyDir,
                        PackagedJar.QUICK_START_FLAGS,
                        "--ticker.refresh.period=0s",
                        "--logging.structured.format.console=ecs")) {
            assertReadableRefusal(outputOfRefused(readableStart));
            assertJsonRefusal(outputOfRefused(jsonStart));
        }
    }

    private static void assertReadableRefusal(String readable) {
        assertThat(readable)
                .contains("APPLICATION FAILED TO START")
                .containsPattern("(?m)^Description:$")
                .contains("ticker.refresh.period")
                // Nothing but the report: no listener of the service fails while the start unwinds.
                .doesNotContain("Exception thrown from ApplicationListener")
                .doesNotContain("{\"@timestamp\"", "\\n");
    }

    private static void assertJsonRefusal(String json) {
        List<String> lines = json.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        assertThat(json).contains("APPLICATION FAILED TO START").contains("ticker.refresh.period");
    }

    /** Waits until the jar exits by itself, and returns what it printed. */
    private static String outputOfRefused(PackagedJar refused) throws Exception {
        assertThat(refused.process().waitFor(90, TimeUnit.SECONDS))
                .as("the refused start exits")
                .isTrue();
        assertThat(refused.process().exitValue()).isNotZero();
        return refused.output();
    }

    private ApiClient start(Path workingDir, String... args) throws IOException {
        jar = PackagedJar.start(workingDir, List.of(), args);
        return jar.api();
    }

    @AfterEach
    void stop() throws Exception {
        // Before JUnit removes the temporary folder the jar works in.
        if (jar != null) {
            jar.close();
        }
    }
}
