package dev.socialticker.ticker.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.support.RequiredTool;
import dev.socialticker.ticker.support.SharedMachine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The charts page in real headless Chromium against the running service with its built-in demo
 * source and the admin API on: runs {@code frontend/test/browser/charts.browser.test.mjs}, which gives
 * the source a decade of days through the backfill and reads the page as a person does. Fails with
 * its output if it fails; screenshots land in {@code target/screenshots}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ticker.admin.token=" + ChartsBrowserIT.ADMIN_TOKEN})
// Closed after the class: the demo source refreshes on its own beside the tests that follow.
@DirtiesContext
@ResourceLock(value = SharedMachine.CORES, mode = ResourceAccessMode.READ_WRITE)
class ChartsBrowserIT {
    static final String ADMIN_TOKEN = "charts-browser-admin-token";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path FRONTEND = Path.of("frontend");

    @LocalServerPort
    int port;

    @Test
    void theChartsReadAsAPersonReadsThem() throws Exception {
        RequiredTool.require(
                Files.isExecutable(CHROMIUM), "The browser test", "chromium (Debian package chromium) at " + CHROMIUM);
        RequiredTool.require(
                Files.isDirectory(FRONTEND.resolve("node_modules/playwright-core")),
                "The browser test",
                "playwright-core in frontend/node_modules (npm ci, run by the Maven build)");
        Path output = Files.createTempFile("charts-browser", ".log");
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);

        ProcessBuilder node = new ProcessBuilder("node", "--test", "test/browser/charts.browser.test.mjs")
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = node.environment();
        env.put("TICKER_BASE_URL", "http://127.0.0.1:" + port);
        env.put("ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("SCREENSHOT_DIR", screenshots.toString());
        Process process = node.start();
        try {
            boolean finished = process.waitFor(3, TimeUnit.MINUTES);
            String log = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println(log);
            assertThat(finished)
                    .as("browser test finished within 3 minutes:%n%s", log)
                    .isTrue();
            assertThat(process.exitValue()).as("browser test output:%n%s", log).isZero();
            assertThat(log)
                    .as("the browser test ran, not skipped")
                    .contains("# pass")
                    .doesNotContain("# pass 0");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
