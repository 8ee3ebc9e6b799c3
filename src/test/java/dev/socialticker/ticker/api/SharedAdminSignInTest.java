package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.TickerApplication;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.RedisServer;
import dev.socialticker.ticker.support.oauth.AuthorizationServer;
import dev.socialticker.ticker.support.oauth.CreatorHub;
import dev.socialticker.ticker.support.oauth.SignInForm;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The admin sign-in behind a load balancer: two instances of a fleet on one {@code redis-server}, the
 * sign-in started on one and the provider's answer arriving at the other, which completes it; the
 * tokens are then the fleet's (Redis). A second delivery of the same answer, to either, keeps nothing.
 */
class SharedAdminSignInTest {
    static final String ADMIN_TOKEN = "shared-sign-in-admin-token";

    @TempDir
    static Path dir;

    static RedisServer redis;
    static AuthorizationServer server;
    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start("The shared admin sign-in test");
        server = AuthorizationServer.start();
        Path routes = CreatorHub.providerFile(dir, server, server.origin());
        for (int i = 0; i < 2; i++) {
            List<String> arguments = new ArrayList<>(CreatorHub.arguments(routes));
            arguments.addAll(List.of(
                    "--server.port=0",
                    "--ticker.admin.token=" + ADMIN_TOKEN,
                    "--ticker.store.type=redis",
                    "--ticker.store.key-prefix=sign-in-fleet:",
                    "--spring.data.redis.host=127.0.0.1",
                    "--spring.data.redis.port=" + redis.port(),
                    // Both instances answer at one public URL, as behind a load balancer.
                    "--ticker.alerts.public-url=http://127.0.0.1:9"));
            instances.add(new SpringApplicationBuilder(TickerApplication.class).run(arguments.toArray(String[]::new)));
        }
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        if (server != null) {
            server.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aSignInStartedOnOneInstanceIsCompletedByAnother() throws Exception {
        ApiClient first = ApiClient.api(instances.get(0).getEnvironment());
        ApiClient second = ApiClient.api(instances.get(1).getEnvironment());
        HttpResponse<String> start =
                first.get("/api/admin/authorize/creatorhub", "Authorization", "Bearer " + ADMIN_TOKEN);
        assertThat(start.statusCode()).isEqualTo(302);

        // The provider sends the browser to the public URL; the load balancer picks the other instance.
        URI back = URI.create(
                SignInForm.consent(start.headers().firstValue("Location").orElseThrow()));
        assertThat(back.toString()).startsWith("http://127.0.0.1:9/api/authorize/creatorhub/callback?code=");
        HttpResponse<String> page = deliver(second, back);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("CreatorHub is connected.");
        assertThat(redis.command("EXISTS", "sign-in-fleet:token:creatorhub")).isEqualTo(":1");
        assertThat(deliver(first, back).statusCode()).isEqualTo(400);
        assertThat(deliver(second, back).statusCode()).isEqualTo(400);
        assertThat(server.grants()).containsExactly("authorization_code");
    }

    /** The browser's request for the callback, as the load balancer forwards it to {@code instance}. */
    private static HttpResponse<String> deliver(ApiClient instance, URI back) throws Exception {
        return instance.http()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(instance.base() + back.getRawPath() + "?" + back.getRawQuery()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
