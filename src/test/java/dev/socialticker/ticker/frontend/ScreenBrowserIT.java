package dev.socialticker.ticker.frontend;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.support.Nightly;
import dev.socialticker.ticker.support.RequiredTool;
import dev.socialticker.ticker.support.SharedMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
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
 * The screen view (/screen) in real headless Chromium against the running service, with three
 * sources (Instagram, GitHub, Mastodon) whose upstreams are one WireMock the browser test steers.
 * Runs {@code frontend/test/browser/screen.browser.test.mjs} and fails with its output if it fails.
 * The page is served from a copy of frontend/src, so the test can ship a new ticker.js as a deploy
 * would and watch the screen reload itself. Screenshots land in {@code target/screenshots}. The
 * memory soak runs {@link Nightly#SCREEN_SOAK_HOURS} simulated hours: 2 in the regular build, a whole
 * day in the nightly one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=instagram",
            "ticker.sources[0].account=17841400000000000",
            "ticker.sources[0].id=instagram-acme",
            "ticker.sources[1].provider=github",
            "ticker.sources[1].account=octocat",
            "ticker.sources[1].id=github-octocat",
            "ticker.sources[2].provider=mastodon",
            "ticker.sources[2].account=Gargron@mastodon.social",
            "ticker.sources[2].id=mastodon-gargron",
            "ticker.providers.instagram.access-token=screen-test-token",
            "ticker.refresh.period=1s",
            "ticker.refresh.min-interval=0s",
            "ticker.refresh.retry.backoff=10ms",
            "ticker.ui.poll-interval=2s",
            "ticker.admin.token=" + ScreenBrowserIT.ADMIN_TOKEN
        })
// Closed after the class: its sources refresh every second, and a cached context would go on doing
// so beside the integration tests that follow it in this JVM.
@DirtiesContext
@ResourceLock(value = SharedMachine.CORES, mode = ResourceAccessMode.READ_WRITE)
@ResourceLock(value = SharedMachine.TIMELINESS, mode = ResourceAccessMode.READ)
class ScreenBrowserIT {
    static final String ADMIN_TOKEN = "screen-test-admin-token";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path FRONTEND = Path.of("frontend");
    private static final Path SERVED = copyOfThePage();

    @RegisterExtension
    static WireMockExtension upstreams = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("ticker.providers.instagram.base-url", () -> upstreams.baseUrl() + "/v25.0");
        registry.add("ticker.providers.github.base-url", upstreams::baseUrl);
        registry.add("ticker.providers.mastodon.base-url", upstreams::baseUrl);
        registry.add(
                "spring.web.resources.static-locations", () -> SERVED.toUri().toString());
    }

    @LocalServerPort
    int port;

    @Test
    void theScreenFillsItsDisplayStaysAwakeAndRunsUnattended() throws Exception {
        RequiredTool.require(
                Files.isExecutable(CHROMIUM),
                "The screen browser test",
                "chromium (Debian package chromium) at " + CHROMIUM);
        RequiredTool.require(
                Files.isDirectory(FRONTEND.resolve("node_modules/playwright-core")),
                "The screen browser test",
                "playwright-core in frontend/node_modules (npm ci, run by the Maven build)");
        Path output = Files.createTempFile("screen-browser", ".log");
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);

        ProcessBuilder node = new ProcessBuilder("node", "--test", "test/browser/screen.browser.test.mjs")
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = node.environment();
        env.put("TICKER_BASE_URL", "http://127.0.0.1:" + port);
        env.put("WIREMOCK_URL", upstreams.baseUrl());
        env.put("ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("FRONTEND_DIR", SERVED.toString());
        env.put("SCREENSHOT_DIR", screenshots.toString());
        env.put("SOAK_HOURS", Nightly.SCREEN_SOAK_HOURS.text());
        Process process = node.start();
        try {
            boolean finished = process.waitFor(30, TimeUnit.MINUTES);
            String log = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println(log);
            assertThat(finished)
                    .as("screen browser test finished within 30 minutes:%n%s", log)
                    .isTrue();
            assertThat(process.exitValue())
                    .as("screen browser test output:%n%s", log)
                    .isZero();
            assertThat(log)
                    .as("the screen browser test ran, not skipped")
                    .contains("# pass")
                    .doesNotContain("# pass 0");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    @AfterAll
    static void removeTheCopy() throws IOException {
        try (Stream<Path> files = Files.walk(SERVED)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    /** frontend/src in a directory of this test's own, which the service serves the page from. */
    private static Path copyOfThePage() {
        try {
            Path copy = Files.createTempDirectory("screen-page");
            try (Stream<Path> files = Files.list(FRONTEND.resolve("src"))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
