package dev.socialticker.ticker.authorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.support.InProcessCommand;
import dev.socialticker.ticker.support.RequiredTool;
import dev.socialticker.ticker.support.SharedMachine;
import dev.socialticker.ticker.support.oauth.AuthorizationServer;
import dev.socialticker.ticker.support.oauth.CreatorHub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code --authorize} with a person in real headless Chromium: the command runs in this JVM against a
 * real OAuth 2.0 server on loopback (Spring Authorization Server) and prints the address; then
 * {@code frontend/test/browser/authorize.browser.test.mjs} (Playwright driving Debian's Chromium) signs
 * in on the server's form, consents on its page, and follows the redirect to the command's loopback
 * address. The command connects the account; screenshots of the three pages land in
 * {@code target/screenshots}.
 */
// Three pages in one browser for a few seconds, nothing timed: it runs beside the other light classes,
// not alone as the classes that render for minutes or load the service do.
@ResourceLock(value = SharedMachine.CORES, mode = ResourceAccessMode.READ)
class AuthorizeBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path FRONTEND = Path.of("frontend");
    private static final Pattern ADDRESS =
            Pattern.compile("^  (http://127\\.0\\.0\\.1:\\d+/oauth2/authorize\\?\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void aPersonSignsInAndConsentsInChromiumAndTheCommandConnectsTheAccount() throws Exception {
        RequiredTool.require(
                Files.isExecutable(CHROMIUM),
                "The authorize browser test",
                "chromium (Debian package chromium) at " + CHROMIUM);
        RequiredTool.require(
                Files.isDirectory(FRONTEND.resolve("node_modules/playwright-core")),
                "The authorize browser test",
                "playwright-core in frontend/node_modules (npm ci, run by the Maven build)");
        try (AuthorizationServer server = AuthorizationServer.start()) {
            CreatorHub.providerFile(dir, server, server.origin());
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() -> AuthorizeCommand.run(
                    CreatorHub.authorize(CreatorHub.PROVIDER, dir), InputStream.nullInputStream(), out));
            String address = await().until(
                            () -> {
                                Matcher found = ADDRESS.matcher(printed.toString(StandardCharsets.UTF_8));
                                return found.find() ? found.group(1) : null;
                            },
                            found -> found != null);

            String browser = person(address);

            assertThat(browser).contains("outcome: CreatorHub is connected. You can close this tab.");
            assertThat(command.get(30, TimeUnit.SECONDS)).isEqualTo(AuthorizeCommand.CONNECTED);
            String console = printed.toString(StandardCharsets.UTF_8);
            System.out.println(console);
            assertThat(console).contains("Connected CreatorHub.");
            assertThat(dir.resolve("state/tokens/creatorhub.json")).exists();
            assertThat(server.grants()).containsExactly("authorization_code");
        } finally {
            InProcessCommand.restoreLogging();
        }
    }

    /** Runs the browser test with the address; returns its output, having checked it passed. */
    private static String person(String address) throws IOException, InterruptedException {
        Path output = Files.createTempFile("authorize-browser", ".log");
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        ProcessBuilder node = new ProcessBuilder("node", "--test", "test/browser/authorize.browser.test.mjs")
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = node.environment();
        env.put("SIGN_IN_URL", address);
        env.put("SIGN_IN_USER", AuthorizationServer.USER);
        env.put("SIGN_IN_PASSWORD", AuthorizationServer.PASSWORD);
        env.put("SCREENSHOT_DIR", screenshots.toString());
        Process process = node.start();
        try {
            boolean finished = process.waitFor(2, TimeUnit.MINUTES);
            String log = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println(log);
            assertThat(finished)
                    .as("browser test finished within 2 minutes:%n%s", log)
                    .isTrue();
            assertThat(process.exitValue()).as("browser test output:%n%s", log).isZero();
            assertThat(log).as("the browser test ran, not skipped").contains("# pass 1");
            return log;
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
