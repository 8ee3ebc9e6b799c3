package dev.socialticker.ticker.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One HTTP call as every output and channel makes it, through camel-http to a loopback receiver: the
 * URL's path and query reach the receiver, its user info as Basic authentication (the HTTP client
 * refuses a request URI that carries it), and the endpoint Camel keeps names scheme, host and port only.
 */
class HttpCallTest {
    static final String ROUTE = "direct:http-call-test";

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void pathQueryAndUserInfoReachTheReceiverAndNotTheEndpoint() throws Exception {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ROUTE).toD(HttpCall.CALL);
            }
        });
        camel.start();
        URI url = URI.create("http://ticker:p%40ss+word@127.0.0.1:" + receiver.getPort()
                + "/hooks/pathSecret?token=querySecret&x=1");
        HttpCall call = new HttpCall(
                "POST",
                url,
                Map.of("X-Ticker-Source", "demo"),
                "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));

        Exchange sent =
                camel.createProducerTemplate().send(ROUTE, exchange -> call.applyTo(exchange, Duration.ofSeconds(5)));

        assertThat(sent.getException()).isNull();
        LoggedRequest request = receiver.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(request.getUrl()).isEqualTo("/hooks/pathSecret?token=querySecret&x=1");
        assertThat(request.getHeader("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("ticker:p@ss+word".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("X-Ticker-Source")).isEqualTo("demo");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(sent.getProperty(HttpCall.ENDPOINT, String.class))
                .startsWith("http://127.0.0.1:" + receiver.getPort() + "?")
                .doesNotContain("pathSecret", "querySecret", "p%40ss", "ticker:");
        assertThat(camel.getEndpoints())
                .extracting(endpoint -> endpoint.getEndpointUri())
                .noneMatch(uri -> uri.contains("Secret") || uri.contains("p%40ss"));
    }

    /** A header the call sets itself wins: user info does not replace a bearer token. */
    @Test
    void anAuthorizationOfItsOwnIsKept() throws Exception {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ROUTE).toD(HttpCall.CALL);
            }
        });
        camel.start();
        HttpCall call = new HttpCall(
                "POST",
                URI.create("http://a:b@127.0.0.1:" + receiver.getPort() + "/hook"),
                Map.of("Authorization", "Bearer t0ken"),
                "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));

        camel.createProducerTemplate().send(ROUTE, exchange -> call.applyTo(exchange, Duration.ofSeconds(5)));

        assertThat(receiver.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer t0ken");
    }
}
