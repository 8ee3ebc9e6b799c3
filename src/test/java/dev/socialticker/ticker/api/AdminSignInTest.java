package dev.socialticker.ticker.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.TickerApplication;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.TestJson;
import dev.socialticker.ticker.support.oauth.AuthorizationServer;
import dev.socialticker.ticker.support.oauth.CreatorHub;
import dev.socialticker.ticker.support.oauth.SignInForm;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The admin sign-in of a running service, against a real OAuth 2.0 server on loopback: an admin with
 * the admin token is sent to the provider's sign-in; the person signs in and consents; the provider
 * sends the browser back to the service's callback, which keeps the tokens; the service then calls
 * the provider's API with the access token. A callback nobody started, or one used twice, keeps
 * nothing. The service is started here, whole: its provider file names this server.
 */
class AdminSignInTest {
    static final String ADMIN_TOKEN = "admin-sign-in-test-token";

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
            .build();

    @TempDir
    static Path dir;

    static AuthorizationServer server;
    static ConfigurableApplicationContext service;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        server = AuthorizationServer.start();
        Path routes = CreatorHub.providerFile(dir, server, upstream.baseUrl());
        List<String> arguments = new ArrayList<>(CreatorHub.arguments(routes));
        arguments.addAll(List.of(
                "--server.port=0",
                "--ticker.admin.token=" + ADMIN_TOKEN,
                // The failed refresh at start-up (not connected yet) must not hold back the one after the sign-in.
                "--ticker.refresh.min-interval=1s",
                "--ticker.store.type=file",
                "--ticker.store.dir=" + dir.resolve("state")));
        service = new SpringApplicationBuilder(TickerApplication.class).run(arguments.toArray(String[]::new));
        api = ApiClient.api(service.getEnvironment());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAdminConnectsTheAccountThroughTheServiceAndItsRequestsCarryTheToken() throws Exception {
        assertThat(api.get("/api/admin/authorize/creatorhub").statusCode()).isEqualTo(401);
        assertThat(api.get("/api/admin/authorize/github", "Authorization", "Bearer " + ADMIN_TOKEN)
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> start =
                api.get("/api/admin/authorize/creatorhub", "Authorization", "Bearer " + ADMIN_TOKEN);
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Cache-Control")).hasValue("no-store");
        String address = start.headers().firstValue("Location").orElseThrow();
        assertThat(address).startsWith(server.authorizationUrl() + "?response_type=code&client_id=");
        assertThat(URLDecoder.decode(address, StandardCharsets.UTF_8))
                .contains("redirect_uri=" + api.base() + "/api/authorize/creatorhub/callback&");

        upstream.stubFor(get(urlPathEqualTo("/api/users/creator")).willReturn(okJson("{\"followers\": 4242}")));
        String back = SignInForm.consent(address);
        HttpResponse<String> page = browse(back);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("CreatorHub is connected. You can close this tab.");

        // The same answer again (a reload, or someone replaying it): no second exchange.
        HttpResponse<String> again = browse(back);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("this answer belongs to no sign-in started in the last 10 minutes");

        // Connected: the provider's sources are refreshed at once, with the access token kept.
        await().until(
                        () -> ApiClient.json(api.get("/api/metrics"))
                                .path("sources")
                                .path(0)
                                .path("total")
                                .asLong(),
                        count -> count == 4242);
        JsonNode kept = TestJson.MAPPER.readTree(
                dir.resolve("state/tokens/creatorhub.json").toFile());
        upstream.verify(getRequestedFor(urlPathEqualTo("/api/users/creator"))
                .withHeader(
                        "Authorization",
                        equalTo("Bearer " + kept.path("accessToken").asText())));
    }

    @Test
    void aCallbackNoAdminStartedKeepsNothing() {
        int grants = server.grants().size();
        HttpResponse<String> forged = api.get("/api/authorize/creatorhub/callback?code=stolen&state=guessed");

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body())
                .contains("CreatorHub is not connected: this answer belongs to no sign-in started in the last");
        assertThat(server.grants()).hasSize(grants);
    }

    private static HttpResponse<String> browse(String address) throws Exception {
        return api.http()
                .send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
