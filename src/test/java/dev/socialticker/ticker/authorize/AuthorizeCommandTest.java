package dev.socialticker.ticker.authorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.support.InProcessCommand;
import dev.socialticker.ticker.support.TestJson;
import dev.socialticker.ticker.support.oauth.AuthorizationServer;
import dev.socialticker.ticker.support.oauth.CreatorHub;
import dev.socialticker.ticker.support.oauth.SignInForm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorize command as a person runs it ({@code --authorize creatorhub}), through the same entry
 * point as the command line, in this JVM, against a real OAuth 2.0 server on loopback: an
 * integrator's provider file with {@code kind: oauth2}; the person signs in and consents on the
 * server's own pages, and their browser follows the redirect to the command's loopback address, or
 * they paste the address back. What it prints, the exit code, and the token document it keeps.
 */
class AuthorizeCommandTest {
    static final Pattern ADDRESS =
            Pattern.compile("^  (http://127\\.0\\.0\\.1:\\d+/oauth2/authorize\\?\\S+)$", Pattern.MULTILINE);

    static AuthorizationServer server;

    @TempDir
    Path dir;

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final PipedOutputStream keyboard = new PipedOutputStream();

    @BeforeAll
    static void startServer() {
        server = AuthorizationServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
        InProcessCommand.restoreLogging();
    }

    @BeforeEach
    void providerFile() throws IOException {
        CreatorHub.providerFile(dir, server, server.origin());
    }

    @AfterEach
    void release() throws IOException {
        keyboard.close();
    }

    @Test
    void aPersonSignsInTheBrowserComesBackToTheLoopbackAndTheTokensAreKeptForTheService() throws Exception {
        CompletableFuture<Integer> command = authorize();
        String address = printedAddress();

        // The person signs in and consents; their browser follows the redirect to the command.
        String redirect = SignInForm.consent(address);
        assertThat(redirect).startsWith("http://127.0.0.1:").contains("/callback?code=");
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(redirect)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(command.get()).isEqualTo(AuthorizeCommand.CONNECTED);
        assertThat(page.body()).contains("<p id=\"outcome\">CreatorHub is connected. You can close this tab.</p>");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        Path kept = dir.resolve("state/tokens/creatorhub.json");
        JsonNode document = TestJson.MAPPER.readTree(kept.toFile());
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output)
                .contains("Connected CreatorHub.")
                .contains("  scopes granted:        user.info.basic user.info.stats")
                .contains("  refresh token expires: (not said)")
                .contains("  kept in:               " + kept)
                .doesNotContain(document.path("accessToken").asText())
                .doesNotContain(document.path("refreshToken").asText());
        assertThat(Files.getPosixFilePermissions(kept)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(server.grants()).contains("authorization_code");
    }

    @Test
    void onAMachineWithoutABrowserTheAddressIsPastedBackAndADeclinedSignInKeepsNothing() throws Exception {
        CompletableFuture<Integer> command = authorize();
        String address = printedAddress();

        // Declined on another machine, whose browser cannot reach this one's loopback: the address is pasted.
        keyboard.write((SignInForm.deny(address) + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();

        assertThat(command.get()).isEqualTo(AuthorizeCommand.NOT_CONNECTED);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Not connected: the sign-in was declined at creatorhub (access_denied)");
        assertThat(dir.resolve("state/tokens/creatorhub.json")).doesNotExist();
    }

    @Test
    void aProviderWithoutASignInIsRefusedNamingThoseThatHaveOne() throws Exception {
        int code = AuthorizeCommand.run(
                arguments("github"),
                new PipedInputStream(keyboard),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(AuthorizeCommand.USAGE);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("error: the github provider has no sign-in here: a source must use it"
                        + " (ticker.sources[0].provider=github) and its file's token must declare kind: oauth2 with an"
                        + " authorizeUrl (providers with a sign-in here: creatorhub)")
                .contains(AuthorizeCommand.USAGE_LINE);
    }

    @Test
    void withNothingConfiguredTheCommandSaysToConfigureASourceFirst() throws Exception {
        // A newcomer's first try: the service would run its demo source; nothing uses TikTok yet.
        int code = AuthorizeCommand.run(
                new String[] {"--authorize", "tiktok", "--no-browser"},
                new PipedInputStream(keyboard),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(AuthorizeCommand.USAGE);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("error: the tiktok provider has no sign-in here: a source must use it"
                        + " (ticker.sources[0].provider=tiktok) and its file's token must declare kind: oauth2 with an"
                        + " authorizeUrl (providers with a sign-in here: none)");
    }

    private CompletableFuture<Integer> authorize() throws IOException {
        PipedInputStream typed = new PipedInputStream(keyboard);
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return CompletableFuture.supplyAsync(() -> AuthorizeCommand.run(arguments("creatorhub"), typed, out));
    }

    private String printedAddress() {
        return await().until(
                        () -> {
                            Matcher found = ADDRESS.matcher(printed.toString(StandardCharsets.UTF_8));
                            return found.find() ? found.group(1) : null;
                        },
                        address -> address != null);
    }

    private String[] arguments(String provider) {
        return CreatorHub.authorize(provider, dir);
    }
}
