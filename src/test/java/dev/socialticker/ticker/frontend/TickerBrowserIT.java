package dev.socialticker.ticker.frontend;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.support.LocalPorts;
import dev.socialticker.ticker.support.PackagedJar;
import dev.socialticker.ticker.support.RequiredTool;
import dev.socialticker.ticker.support.SharedMachine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ticker page in real headless Chromium against the running service, whose Instagram
 * provider is a WireMock stub the browser test steers. Starts both, then runs
 * {@code frontend/test/browser/ticker.browser.test.mjs} (Playwright driving Debian's Chromium) and
 * fails with its output if it fails. Screenshots of each state land in {@code target/screenshots}.
 * The admin API is on: the browser test gives the source 30 days of history through the backfill
 * endpoint, as a user moving from another tool would, for the growth line and the sparkline. Then
 * {@code charts.browser.test.mjs} reads the charts page (/charts) of the same source, given a decade;
 * {@code charts-sources.browser.test.mjs} the charts of several sources and the embeddable
 * {@code <social-ticker-chart>}, on a second service it starts from the packaged jar (this one must
 * keep its one source: the ticker's page sums every source); and {@code status.browser.test.mjs} the
 * status console (/status).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=instagram",
            "ticker.sources[0].account=17841400000000000",
            "ticker.providers.instagram.access-token=browser-test-token",
            "ticker.refresh.period=1s",
            "ticker.refresh.min-interval=0s",
            "ticker.refresh.retry.backoff=10ms",
            "ticker.ui.poll-interval=2s",
            "ticker.admin.token=" + TickerBrowserIT.ADMIN_TOKEN
        })
// Closed after the class: its sources refresh every second, and a cached context would go on doing
// so beside the integration tests that follow it in this JVM.
@DirtiesContext
@ResourceLock(value = SharedMachine.CORES, mode = ResourceAccessMode.READ_WRITE)
@ResourceLock(value = SharedMachine.TIMELINESS, mode = ResourceAccessMode.READ)
class TickerBrowserIT {
    static final String ADMIN_TOKEN = "browser-test-admin-token";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path FRONTEND = Path.of("frontend");
    private static final int EMBED_ORIGIN_PORT = LocalPorts.free();

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("ticker.providers.instagram.base-url", () -> graph.baseUrl() + "/v25.0");
        registry.add("ticker.cors.allowed-origins", () -> "http://127.0.0.1:" + EMBED_ORIGIN_PORT);
    }

    @LocalServerPort
    int port;

    @Test
    void theTickerAndItsChartsInARealBrowser() throws Exception {
        RequiredTool.require(
                Files.isExecutable(CHROMIUM), "The browser test", "chromium (Debian package chromium) at " + CHROMIUM);
        RequiredTool.require(
                Files.isDirectory(FRONTEND.resolve("node_modules/playwright-core")),
                "The browser test",
                "playwright-core in frontend/node_modules (npm ci, run by the Maven build)");
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);

        // The second service of the several sources' test: the jar this build packaged, on the test
        // JVMs' quick-start flags (its test is about what the pages show, not the shipped JVM options).
        Path jar = PackagedJar.packagedJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Map<String, String> env = Map.of(
                "TICKER_BASE_URL", "http://127.0.0.1:" + port,
                "WIREMOCK_URL", graph.baseUrl(),
                "EMBED_ORIGIN_PORT", String.valueOf(EMBED_ORIGIN_PORT),
                "ADMIN_TOKEN", ADMIN_TOKEN,
                "SCREENSHOT_DIR", screenshots.toString(),
                "SERVICE_JAR", jar.toAbsolutePath().toString(),
                "JAVA", java,
                "JAVA_FLAGS", String.join(" ", PackagedJar.QUICK_START_FLAGS));
        // One after the other on the same service: the charts' test gives its source a decade of days,
        // which the ticker's test, reading its growth and sparkline, must not see.
        run("test/browser/ticker.browser.test.mjs", env);
        run("test/browser/charts.browser.test.mjs", env);
        run("test/browser/charts-sources.browser.test.mjs", env);
        run("test/browser/status.browser.test.mjs", env);
    }

    /** Runs one browser test file with node's test runner; fails with its output if it fails. */
    private static void run(String test, Map<String, String> env) throws Exception {
        Path output = Files.createTempFile("browser-test", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "--test", test)
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        node.environment().putAll(env);
        Process process = node.start();
        try {
            boolean finished = process.waitFor(4, TimeUnit.MINUTES);
            String log = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println(log);
            assertThat(finished)
                    .as("%s finished within 4 minutes:%n%s", test, log)
                    .isTrue();
            assertThat(process.exitValue()).as("%s output:%n%s", test, log).isZero();
            assertThat(log).as("%s ran, not skipped", test).contains("# pass").doesNotContain("# pass 0");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
