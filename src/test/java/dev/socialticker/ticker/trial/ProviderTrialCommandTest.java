package dev.socialticker.ticker.trial;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.InProcessCommand;
import dev.socialticker.ticker.support.LocalPorts;
import dev.socialticker.ticker.support.TryCommand;
import dev.socialticker.ticker.support.TryCommand.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The try command as a user runs it ({@code --try routes/x.camel.yaml --account y --setting=value}),
 * through the same entry point as the command line, in this JVM: against a WireMock upstream on
 * loopback, what it prints and the exit code it answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProviderTrialCommandTest {
    static final String GITHUB_TOKEN = "ghp_tryCommandToken0123456789";
    static final String GRAPH_TOKEN = "IGQVJtryCommandExpiredToken0123456789";
    static final String IG_USER = "17841400000000000";

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
            .build();

    @AfterAll
    static void restoreLogging() {
        InProcessCommand.restoreLogging();
    }

    static Run tryCommand(String... args) {
        return TryCommand.run(args);
    }

    static String baseUrl(String provider) {
        return "--ticker.providers." + provider + ".base-url=" + upstream.baseUrl();
    }

    @Test
    void aGoodFilePrintsTheRequestTheCountAndTheProfileAndExits0(CapturedOutput log) {
        upstream.stubFor(get(urlPathEqualTo("/users/octocat"))
                .willReturn(okJson(Fixtures.read("github", "user.json"))
                        .withHeader("x-ratelimit-limit", "5000")
                        .withHeader("x-ratelimit-remaining", "4000")));

        Run run = tryCommand(
                "--try",
                "routes/github.camel.yaml",
                "--account",
                "octocat",
                baseUrl("github"),
                "--ticker.providers.github.access-token=" + GITHUB_TOKEN);

        assertThat(run.exitCode()).isZero();
        assertThat(run.output())
                .contains("Trying provider 'github' from routes/github.camel.yaml, account 'octocat'")
                .contains("> GET " + upstream.baseUrl() + "/users/octocat")
                .contains("> Authorization: Bearer ****")
                .contains("< HTTP 200")
                .contains("< x-ratelimit-remaining: 4000")
                .contains("quota: 20% used {rate_limit=20}")
                .contains("count: 20")
                .contains("profile: octocat");
        upstream.verify(getRequestedFor(urlPathEqualTo("/users/octocat"))
                .withHeader("Authorization", equalTo("Bearer " + GITHUB_TOKEN)));
        assertThat(run.output()).doesNotContain(GITHUB_TOKEN);
        assertThat(log.getAll()).doesNotContain(GITHUB_TOKEN);
        // Quiet: nothing logged but warnings, and a good run has none.
        assertThat(log.getAll()).doesNotContain(" INFO ").doesNotContain(" WARN ");
    }

    @Test
    void aWrongCountPathIsInvalidPayloadNamingTheFieldAndExits1(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("github.camel.yaml");
        Files.writeString(
                file,
                Files.readString(Path.of("routes/github.camel.yaml")).replace("\"$.followers\"", "\"$.followerz\""));
        upstream.stubFor(
                get(urlPathEqualTo("/users/octocat")).willReturn(okJson(Fixtures.read("github", "user.json"))));

        Run run = tryCommand("--try", file.toString(), "--account", "octocat", baseUrl("github"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output())
                .contains("< HTTP 200")
                .contains("INVALID_PAYLOAD: The provider's answer had no usable follower count:"
                        + " the follower count is missing from the response")
                .contains("field: count $.followerz found nothing in the answer")
                .doesNotContainPattern("(?m)^count: ");
    }

    @Test
    void aProfilePathThatFindsNothingIsNotedBesideTheCount(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("github.camel.yaml");
        Files.writeString(
                file, Files.readString(Path.of("routes/github.camel.yaml")).replace("\"$.login\"", "\"$.handle\""));
        upstream.stubFor(
                get(urlPathEqualTo("/users/octocat")).willReturn(okJson(Fixtures.read("github", "user.json"))));

        Run run = tryCommand("--try", file.toString(), "--account", "octocat", baseUrl("github"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.output())
                .contains("count: 20")
                .contains("profile: octocat")
                .contains("note: profile $.handle found nothing in the answer; the account is shown");
    }

    @Test
    void anUpstreamThatRefusesConnectionsIsUpstreamUnavailableAndShowsWhereTheRequestWent() {
        // A loopback port nothing listens on.
        String base = "http://127.0.0.1:" + LocalPorts.free();
        Run run = tryCommand(
                "--try",
                "routes/bluesky.camel.yaml",
                "--account",
                "bsky.app",
                "--ticker.providers.bluesky.base-url=" + base);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output())
                .contains("> GET " + base + "/xrpc/app.bsky.actor.getProfile?actor=bsky.app\n< no answer")
                .contains("UPSTREAM_UNAVAILABLE: The provider could not be reached (connection refused)");
    }

    @Test
    void anUnreachableUpstreamsUrlIsShownWithItsSecretsMasked(CapturedOutput log) {
        String base = "http://127.0.0.1:" + LocalPorts.free();
        Run run = tryCommand(
                "--try",
                "routes/instagram.camel.yaml",
                "--account",
                IG_USER,
                "--ticker.providers.instagram.base-url=" + base,
                "--ticker.providers.instagram.access-token=" + GRAPH_TOKEN);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output())
                .contains("> GET " + base + "/" + IG_USER + "?fields=followers_count,username&access_token=****")
                .contains("< no answer")
                .contains("UPSTREAM_UNAVAILABLE");
        assertThat(run.output() + log.getAll()).doesNotContain(GRAPH_TOKEN);
    }

    @Test
    void aMisspeltSettingOfTheTriedProviderStopsTheTryBeforeAnyCallNamingTheSettingItMeant(CapturedOutput log) {
        Run run = tryCommand(
                "--try",
                "routes/github.camel.yaml",
                "--account",
                "octocat",
                // base-uri: without the check, the try would have called the public API.
                "--ticker.providers.github.base-uri=" + upstream.baseUrl());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output())
                .startsWith("error: ticker.providers.github.base-uri: not a setting of provider 'github'; did you"
                        + " mean ticker.providers.github.base-url?")
                .doesNotContain("Trying provider")
                .doesNotContain("> GET");
        // Printed once, by the command: no log line repeats it.
        assertThat(log.getAll()).doesNotContain(" WARN ").doesNotContain(" ERROR ");
    }

    @Test
    void everyProblemOfTheTryIsPrintedAtOnce() {
        Run run = tryCommand(
                "--try",
                "routes/youtube.camel.yaml",
                "--account",
                "not-a-channel",
                "--ticker.providers.youtube.api-keys=AIzaExampleKey0123456789",
                "--ticker.refresh.retry.give-up-after=0s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output().lines().filter(line -> line.startsWith("error: ")))
                .containsExactlyInAnyOrder(
                        "error: ticker.refresh.retry.give-up-after: must be greater than 0 (set to 0s on the command"
                                + " line)",
                        "error: ticker.providers.youtube.api-key: required by source 'youtube-not-a-channel' (see"
                                + " routes/README.md for where to get it)",
                        "error: ticker.sources[0].account: 'not-a-channel' is not an account of provider 'youtube';"
                                + " expected a channel id such as UC_x5XG1OV2P6uZZ5FSM9Ttw",
                        "error: ticker.providers.youtube.api-keys: not a setting of provider 'youtube'; did you mean"
                                + " ticker.providers.youtube.api-key? It knows: access-token, api-key, base-url,"
                                + " connect-timeout, read-timeout, token-expires-at, token-file, token-refresh-url");
        assertThat(run.output()).doesNotContain("AIzaExampleKey0123456789");
    }

    @Test
    void aRejectedTokenIsAuthFailedWithTheTokenMaskedAndExits1(CapturedOutput log) {
        upstream.stubFor(get(urlPathEqualTo("/" + IG_USER))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("instagram", "error-190-invalid-token.json"))));

        Run run = tryCommand(
                "--try=routes/instagram.camel.yaml",
                "--account=" + IG_USER,
                baseUrl("instagram"),
                "--ticker.providers.instagram.access-token=" + GRAPH_TOKEN);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output())
                .contains("> GET " + upstream.baseUrl() + "/" + IG_USER + "?fields=followers_count,username")
                .contains("access_token=****")
                .contains("< HTTP 400")
                .contains("AUTH_FAILED: The access token was rejected (Graph API error 190): a new token is needed");
        upstream.verify(
                getRequestedFor(urlPathEqualTo("/" + IG_USER)).withQueryParam("access_token", equalTo(GRAPH_TOKEN)));
        assertThat(run.output()).doesNotContain(GRAPH_TOKEN);
        assertThat(log.getAll()).doesNotContain(GRAPH_TOKEN);
    }

    @Test
    void aSpentRateLimitShowsTheQuotaAndTheWaitAndExits1() {
        long reset = Instant.now().plusSeconds(600).getEpochSecond();
        upstream.stubFor(get(urlPathEqualTo("/users/octocat"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-ratelimit-limit", "60")
                        .withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-reset", Long.toString(reset))
                        .withBody(Fixtures.read("github", "rate-limit-exceeded.json"))));

        Run run = tryCommand("--try", "routes/github.camel.yaml", "--account", "octocat", baseUrl("github"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output())
                .contains("< HTTP 403")
                .contains("< x-ratelimit-remaining: 0")
                .contains("quota: 100% used {rate_limit=100}")
                .contains("RATE_LIMITED: The provider's rate limit was reached (HTTP 403, limit spent)")
                .containsPattern("wait: (59[0-9]|600) s");
    }

    @Test
    void aProviderWhoseFileObtainsItsTokenIsTriedWithAFreshTokenAndItsHeaders(CapturedOutput log) {
        upstream.stubFor(post(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(containing("client_secret=twitch-trial-secret"))
                .willReturn(okJson(Fixtures.read("twitch", "oauth2-token.json"))));
        upstream.stubFor(get(urlPathEqualTo("/channels/followers"))
                .withHeader("Client-Id", equalTo("twitch-trial-client"))
                .withHeader("Authorization", matching("Bearer .+"))
                .willReturn(okJson(Fixtures.read("twitch", "channel-followers.json"))));

        Run run = tryCommand(
                "--try",
                "routes/twitch.camel.yaml",
                "--account",
                "141981764",
                baseUrl("twitch"),
                "--ticker.providers.twitch.token-refresh-url=" + upstream.baseUrl(),
                "--ticker.providers.twitch.client-id=twitch-trial-client",
                "--ticker.providers.twitch.client-secret=twitch-trial-secret");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("count: ").contains("Client-Id: ****");
        assertThat(run.output() + log.getAll())
                .doesNotContain("twitch-trial-secret")
                .doesNotContain("twitch-trial-client");
    }

    @Test
    void aMissingFileOrAccountIsAUsageErrorExiting2() {
        Run noFile = tryCommand("--try", "routes/nothing-here.camel.yaml", "--account", "octocat");
        Run noAccount = tryCommand("--try", "routes/github.camel.yaml");
        Run wrongAccount = tryCommand("--try", "routes/github.camel.yaml", "--account", "not a login!");
        Run noCredential = tryCommand("--try", "routes/youtube.camel.yaml", "--account", "UC_x5XG1OV2P6uZZ5FSM9Ttw");

        List<Run> runs = new ArrayList<>(List.of(noFile, noAccount, wrongAccount, noCredential));
        assertThat(runs).extracting(Run::exitCode).containsOnly(2);
        assertThat(noFile.output()).startsWith("error: no such provider file: ").contains("nothing-here.camel.yaml");
        assertThat(noAccount.output()).startsWith("error: --account is required");
        assertThat(wrongAccount.output())
                .startsWith("error: ")
                .contains("'not a login!' is not an account of provider 'github'; expected a GitHub login");
        assertThat(noCredential.output()).startsWith("error: ticker.providers.youtube.api-key: required by source");
        upstream.verify(0, getRequestedFor(urlPathEqualTo("/users/octocat")));
    }

    @Test
    void aFileThatBreaksTheContractIsRefusedWithTheReasonAndExits2(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.camel.yaml");
        Files.writeString(file, Files.readString(Path.of("routes/github.camel.yaml")));

        Run run = tryCommand("--try", file.toString(), "--account", "octocat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).startsWith("error: " + file + " is refused: ");
    }
}
