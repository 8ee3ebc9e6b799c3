package dev.socialticker.ticker.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.TickerEvent;
import dev.socialticker.ticker.domain.TokenChanged;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.fleet.SharedStates;
import dev.socialticker.ticker.provider.contract.ProviderFailure;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.support.BuiltInDisplays;
import dev.socialticker.ticker.support.MutableClock;
import dev.socialticker.ticker.support.RedisServer;
import dev.socialticker.ticker.support.TestClockConfiguration;
import dev.socialticker.ticker.support.TestJson;
import dev.socialticker.ticker.support.oauth.AuthorizationServer;
import dev.socialticker.ticker.support.oauth.SignInForm;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.mock.env.MockEnvironment;

/**
 * {@code kind: oauth2} against a real OAuth 2.0 server (Spring Authorization Server on loopback): a
 * person's sign-in (the code with PKCE) connects the account; the refresh grant renews the access
 * token, and each renewal's rotated refresh token is kept before it is used, across a restart; a
 * refused refresh ({@code invalid_grant}) is said to the alert rule; a denied consent or a forged
 * answer keeps nothing; two instances of a fleet renew once.
 */
class OAuth2SignInTest {
    static final String PROVIDER = "tiktok";
    static final String CALLBACK = "http://127.0.0.1:53682/callback";

    static AuthorizationServer server;

    final MutableClock clock = new MutableClock(TestClockConfiguration.START);
    final List<TickerEvent> told = new CopyOnWriteArrayList<>();
    final List<DefaultCamelContext> contexts = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = AuthorizationServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void stop() {
        contexts.forEach(DefaultCamelContext::stop);
    }

    @Test
    void aSignInConnectsTheAccountAndEachRenewalKeepsTheRotatedRefreshTokenAcrossARestart() throws Exception {
        StateRepository files = StateRepository.files(dir, Map.of());
        int before = server.grants().size();
        Instance first = instance(files, Map.of());
        SignIn signIn = first.keeper.signIn(PROVIDER, CALLBACK);
        assertThat(signIn.address().toString())
                .startsWith(
                        server.authorizationUrl() + "?response_type=code&client_id=" + AuthorizationServer.CLIENT_ID)
                .contains("&scope=user.info.basic%20user.info.stats&state=")
                .contains("&code_challenge_method=S256");

        Connection connection = first.keeper.complete(
                signIn, SignInForm.consent(signIn.address().toString()), first.context);
        assertThat(connection.problem()).isNull();
        assertThat(connection.scope()).isEqualTo("user.info.basic user.info.stats");
        assertThat(connection.keptIn())
                .isEqualTo(dir.resolve("tokens/tiktok.json").toAbsolutePath().toString());

        JsonNode signedIn =
                TestJson.MAPPER.readTree(files.read(StateKey.token(PROVIDER)).orElseThrow());
        String accessToken = signedIn.path("accessToken").asText();
        String refreshToken = signedIn.path("refreshToken").asText();
        assertThat(accessToken).isNotBlank();
        assertThat(refreshToken).isNotBlank();
        assertThat(signedIn.path("scope").asText()).isEqualTo("user.info.basic user.info.stats");
        // expires_in counts whole seconds from the server's own clock: within a few of the lifetime.
        assertThat(first.status.expiresAt(PROVIDER))
                .isBetween(
                        clock.instant()
                                .plus(AuthorizationServer.ACCESS_TOKEN_LIFETIME)
                                .minusSeconds(5),
                        clock.instant().plus(AuthorizationServer.ACCESS_TOKEN_LIFETIME));
        assertThat(first.keeper.obtainedToken(PROVIDER, first.context)).isEqualTo(accessToken);

        // The access token nears its end: the hourly check renews it with the refresh token, which rotates.
        clock.advance(AuthorizationServer.ACCESS_TOKEN_LIFETIME.minusMinutes(10));
        first.context
                .createProducerTemplate()
                .sendBodyAndHeader(TokenEndpoints.refresh(PROVIDER), null, TokenEndpoints.WHEN_DUE, true);
        String renewed = first.keeper.obtainedToken(PROVIDER, first.context);
        assertThat(renewed).isNotEqualTo(accessToken);
        String rotatedOnce = first.status.refreshToken(PROVIDER).orElseThrow();
        assertThat(rotatedOnce).isNotEqualTo(refreshToken);
        first.context.stop();

        // A restart: the next instance reads both from the state repository and renews with the rotated one.
        Instance restarted = instance(StateRepository.files(dir, Map.of()), Map.of());
        assertThat(restarted.keeper.obtainedToken(PROVIDER, restarted.context)).isEqualTo(renewed);
        // Expired when it is next needed: renewed then.
        clock.advance(AuthorizationServer.ACCESS_TOKEN_LIFETIME);
        assertThat(restarted.keeper.obtainedToken(PROVIDER, restarted.context)).isNotEqualTo(renewed);
        String rotatedTwice = restarted.status.refreshToken(PROVIDER).orElseThrow();
        assertThat(rotatedTwice).isNotIn(refreshToken, rotatedOnce);

        assertThat(server.grants().subList(before, server.grants().size()))
                .containsExactly("authorization_code", "refresh_token", "refresh_token");
        // Rotation is real: the server no longer takes the first two.
        assertThat(refresh(refreshToken)).contains("invalid_grant");
        assertThat(refresh(rotatedOnce)).contains("invalid_grant");
        assertThat(refresh(rotatedTwice)).contains("\"refresh_token\"");
    }

    @Test
    void aRefusedRefreshIsAuthFailedAndTellsTheTokenExpiryRule() throws Exception {
        Instance instance = instance(
                StateRepository.memory(Map.of()), Map.of(TokenPolicy.REFRESH_TOKEN_SETTING, "revoked-long-ago"));

        assertThatThrownBy(() -> instance.keeper.obtainedToken(PROVIDER, instance.context))
                .isInstanceOfSatisfying(
                        ProviderFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo(FailureCode.AUTH_FAILED))
                .hasMessage("The tiktok sign-in is no longer accepted by the token endpoint (HTTP 400): sign in again"
                        + " with --authorize tiktok");

        assertThat(instance.status.refreshProblem(PROVIDER))
                .isEqualTo("obtaining the token failed: TikTok answered HTTP 400 invalid_grant");
        assertThat(told)
                .contains(new TokenChanged(
                        PROVIDER, null, "obtaining the token failed: TikTok answered HTTP 400 invalid_grant"));
    }

    @Test
    void aDeclinedConsentOrAForeignAnswerKeepsNothing() throws Exception {
        StateRepository memory = StateRepository.memory(Map.of());
        Instance instance = instance(memory, Map.of());
        List<String> before = server.grants();
        SignIn declined = instance.keeper.signIn(PROVIDER, CALLBACK);

        assertThat(instance.keeper
                        .complete(declined, SignInForm.deny(declined.address().toString()), instance.context)
                        .problem())
                .isEqualTo("the sign-in was declined at tiktok (access_denied)");

        SignIn mine = instance.keeper.signIn(PROVIDER, CALLBACK);
        SignIn someoneElses = instance.keeper.signIn(PROVIDER, CALLBACK);
        String theirs = SignInForm.consent(someoneElses.address().toString());
        assertThat(instance.keeper.complete(mine, theirs, instance.context).problem())
                .startsWith("the answer's state is not this sign-in's");

        assertThat(memory.read(StateKey.token(PROVIDER))).isEmpty();
        // No code was exchanged: the server's token endpoint was not called (the server lives for the class).
        assertThat(server.grants()).isEqualTo(before);
    }

    @Test
    void withoutARefreshTokenTheSignedInTokenIsUsedUntilItExpiresThenAPersonSignsInAgain() throws Exception {
        Instance instance = instance(
                StateRepository.memory(Map.of()),
                Map.of(
                        "client-id",
                        AuthorizationServer.CLIENT_WITHOUT_REFRESH,
                        "client-secret",
                        AuthorizationServer.CLIENT_SECRET + AuthorizationServer.SECRET_SUFFIX_WITHOUT_REFRESH));
        SignIn signIn = instance.keeper.signIn(PROVIDER, CALLBACK);
        Connection connection = instance.keeper.complete(
                signIn, SignInForm.consent(signIn.address().toString()), instance.context);
        assertThat(connection.connected()).isTrue();
        assertThat(instance.status.refreshToken(PROVIDER)).isEmpty();
        String token = instance.keeper.obtainedToken(PROVIDER, instance.context);
        List<String> grants = server.grants();

        // The hourly check has nothing to renew it with, even near the end.
        clock.advance(AuthorizationServer.ACCESS_TOKEN_LIFETIME.minusMinutes(10));
        instance.context
                .createProducerTemplate()
                .sendBodyAndHeader(TokenEndpoints.refresh(PROVIDER), null, TokenEndpoints.WHEN_DUE, true);
        assertThat(instance.keeper.obtainedToken(PROVIDER, instance.context)).isEqualTo(token);
        // What a person must renew is that token: the alert rule is told its expiry.
        assertThat(told).contains(new TokenChanged(PROVIDER, instance.status.expiresAt(PROVIDER), null));

        clock.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> instance.keeper.obtainedToken(PROVIDER, instance.context))
                .isInstanceOf(ProviderFailure.class)
                .hasMessage("The tiktok sign-in has expired and tiktok gave no refresh token: sign in again with"
                        + " --authorize tiktok");
        assertThat(server.grants()).isEqualTo(grants);
    }

    @Test
    void aClientThatAuthenticatesWithBasicAuthenticationSignsInAndRenewsSo() throws Exception {
        Instance instance = instance(StateRepository.memory(Map.of()), Map.of(), policy("clientAuth: basic"));
        SignIn signIn = instance.keeper.signIn(PROVIDER, CALLBACK);
        assertThat(instance.keeper
                        .complete(signIn, SignInForm.consent(signIn.address().toString()), instance.context)
                        .connected())
                .isTrue();
        String token = instance.keeper.obtainedToken(PROVIDER, instance.context);
        int calls = server.clientAuthentications().size();

        clock.advance(AuthorizationServer.ACCESS_TOKEN_LIFETIME);
        assertThat(instance.keeper.obtainedToken(PROVIDER, instance.context)).isNotEqualTo(token);

        // The code exchange and the renewal, each with Authorization: Basic and no secret in the form.
        assertThat(server.clientAuthentications()
                        .subList(calls - 1, server.clientAuthentications().size()))
                .containsExactly("basic", "basic");
    }

    @Test
    void clientCredentialsAreSentAsTheFileSaysPostOrBasic() throws Exception {
        for (String clientAuth : List.of("post", "basic")) {
            TokenPolicy policy = TokenPolicy.parse("{ kind: client-credentials, url: \"" + server.tokenUrl()
                    + "\", clientId: client-id, clientSecret: client-secret, clientAuth: " + clientAuth + " }");
            Instance instance = instance(StateRepository.memory(Map.of()), Map.of(), policy);

            assertThat(instance.keeper.obtainedToken(PROVIDER, instance.context))
                    .isNotBlank();
            assertThat(server.grants()).last().isEqualTo("client_credentials");
            assertThat(server.clientAuthentications()).last().isEqualTo(clientAuth);
        }
    }

    @Test
    void anAccountNotConnectedIsAuthFailedWithTheCommandToRunAndCallsNobody() throws Exception {
        Instance instance = instance(StateRepository.memory(Map.of()), Map.of());
        List<String> before = server.grants();

        assertThatThrownBy(() -> instance.keeper.obtainedToken(PROVIDER, instance.context))
                .isInstanceOf(ProviderFailure.class)
                .hasMessage("The tiktok account is not connected: sign in with --authorize tiktok (or the admin"
                        + " sign-in, /api/admin/authorize/tiktok)");
        assertThat(server.grants()).isEqualTo(before);
    }

    @Test
    void twoInstancesOfAFleetRenewOnceAndBothUseTheRenewedToken() throws Exception {
        try (RedisServer redis = RedisServer.start("The OAuth 2.0 fleet test")) {
            LettuceConnectionFactory connections =
                    new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
            connections.afterPropertiesSet();
            connections.start();
            try {
                Instance one = instance(SharedStates.on(connections, "fleet:"), Map.of());
                Instance two = instance(SharedStates.on(connections, "fleet:"), Map.of());
                SignIn signIn = one.keeper.signIn(PROVIDER, CALLBACK);
                assertThat(one.keeper
                                .complete(
                                        signIn,
                                        SignInForm.consent(signIn.address().toString()),
                                        one.context)
                                .connected())
                        .isTrue();
                String signedIn = two.keeper.obtainedToken(PROVIDER, two.context);
                int grants = server.grants().size();

                clock.advance(AuthorizationServer.ACCESS_TOKEN_LIFETIME);
                CompletableFuture<String> byOne =
                        CompletableFuture.supplyAsync(() -> one.keeper.obtainedToken(PROVIDER, one.context));
                CompletableFuture<String> byTwo =
                        CompletableFuture.supplyAsync(() -> two.keeper.obtainedToken(PROVIDER, two.context));
                List<String> tokens = new ArrayList<>();
                for (CompletableFuture<String> asked : List.of(byOne, byTwo)) {
                    try {
                        tokens.add(asked.join());
                    } catch (RuntimeException renewedElsewhere) {
                        // The instance that found the other renewing says so and is asked again (the next refresh).
                        assertThat(renewedElsewhere.getCause()).isInstanceOf(ProviderFailure.class);
                        tokens.add(null);
                    }
                }

                assertThat(server.grants().subList(grants, server.grants().size()))
                        .containsExactly("refresh_token");
                String renewed = tokens.stream()
                        .filter(token -> token != null)
                        .findFirst()
                        .orElseThrow();
                assertThat(renewed).isNotEqualTo(signedIn);
                one.status.reread(PROVIDER);
                two.status.reread(PROVIDER);
                assertThat(one.keeper.obtainedToken(PROVIDER, one.context)).isEqualTo(renewed);
                assertThat(two.keeper.obtainedToken(PROVIDER, two.context)).isEqualTo(renewed);
                assertThat(server.grants().subList(grants, server.grants().size()))
                        .containsExactly("refresh_token");
            } finally {
                connections.destroy();
            }
        }
    }

    /** One instance of the service's token keeping: its state, its keeper, its Camel context, started. */
    private record Instance(TokenStatus status, TokenKeeper keeper, DefaultCamelContext context) {}

    private Instance instance(StateRepository state, Map<String, String> moreSettings) throws Exception {
        return instance(state, moreSettings, policy());
    }

    private Instance instance(StateRepository state, Map<String, String> moreSettings, TokenPolicy policy)
            throws Exception {
        ProviderProperties providers =
                Binder.get(new MockEnvironment()).bindOrCreate("ticker", ProviderProperties.class);
        SourceCatalog sources = new SourceCatalog(
                new SourceProperties(List.of(new SourceProperties.Source(null, PROVIDER, "creator")), null));
        TokenStatus status = new TokenStatus(
                sources,
                providers,
                TestJson.MAPPER,
                state,
                clock,
                new TickerEvents(told::add, new SimpleMeterRegistry()));
        TokenKeeper keeper =
                new TokenKeeper(status, sources, providers, BuiltInDisplays.INSTANCE, TestJson.documents(), clock);
        DefaultCamelContext context = new DefaultCamelContext();
        contexts.add(context);
        context.start();
        Map<String, String> settings = new java.util.HashMap<>(
                Map.of("client-id", AuthorizationServer.CLIENT_ID, "client-secret", AuthorizationServer.CLIENT_SECRET));
        settings.putAll(moreSettings);
        Function<String, String> setting = settings::get;
        keeper.keep(context, PROVIDER, policy, setting, Map.of());
        return new Instance(status, keeper, context);
    }

    private static TokenPolicy policy(String... more) {
        return TokenPolicy.parse("{ kind: oauth2, url: \"" + server.tokenUrl() + "\", authorizeUrl: \""
                + server.authorizationUrl() + "\", scopes: [user.info.basic, user.info.stats],"
                + " clientId: client-id, clientSecret: client-secret"
                + (more.length == 0 ? "" : ", " + String.join(", ", more)) + " }");
    }

    /** The refresh grant as anyone may send it: the server's answer. */
    private static String refresh(String refreshToken) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.tokenUrl()))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                                        + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8) + "&client_id="
                                        + AuthorizationServer.CLIENT_ID + "&client_secret="
                                        + AuthorizationServer.CLIENT_SECRET))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body();
    }
}
