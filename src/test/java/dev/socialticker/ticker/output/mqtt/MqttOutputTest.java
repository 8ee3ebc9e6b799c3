package dev.socialticker.ticker.output.mqtt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.socialticker.ticker.delivery.DeliveryDesk;
import dev.socialticker.ticker.delivery.DeliveryMeters;
import dev.socialticker.ticker.delivery.DeliveryRecord;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.output.OutputCatalog;
import dev.socialticker.ticker.output.OutputFiles;
import dev.socialticker.ticker.support.MosquittoBroker;
import dev.socialticker.ticker.support.RoutesDir;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * mqtt output files under a running service, publishing to Debian's mosquitto on loopback: what a
 * subscriber that comes later gets (the retained state, Home Assistant's discovery config), a login
 * from properties, a dead and a silent broker beside a healthy output, and a removed file's clean
 * {@code offline}. The brokers start before the service (they are skipped, naming the package,
 * where mosquitto is missing), and the output files are written before it starts.
 */
@CamelSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=github",
            "ticker.sources[0].account=octocat",
            "ticker.sources[1].provider=github",
            "ticker.sources[1].account=torvalds",
            // Never refreshed here: a source without a count.
            "ticker.sources[2].provider=github",
            "ticker.sources[2].account=ghost",
            "ticker.routes.reload=true",
            "ticker.refresh.initial-delay=1h",
            "ticker.outputs.secure.username=ticker",
            "ticker.outputs.secure.password=" + MqttOutputTest.PASSWORD,
            "ticker.outputs.no-user.password=" + MqttOutputTest.PASSWORD,
            "ticker.outputs.wrong-password.username=ticker",
            "ticker.outputs.wrong-password.password=" + MqttOutputTest.WRONG_PASSWORD
        })
class MqttOutputTest extends UpstreamServiceTest {
    static final String TEST = "The mqtt output test";
    static final String PASSWORD = "mqtt-broker-password-314";
    static final String WRONG_PASSWORD = "not-the-broker-password-271";
    /**
     * Bound and never listening, for the class's lifetime: a connection to its port is refused, and no
     * broker started later (this class's own take random ports) can take it. A port merely found free
     * once was taken by this class's mosquitto in one CI run, and the "dead" broker answered.
     */
    static final Socket CLOSED = closedPort();

    static final int CLOSED_PORT = CLOSED.getLocalPort();
    static final TickerSource OCTOCAT = new TickerSource("github-octocat", "github", "octocat");
    static final TickerSource TORVALDS = new TickerSource("github-torvalds", "github", "torvalds");
    static final ObjectMapper JSON = new ObjectMapper();

    static final RoutesDir ROUTES = new RoutesDir();
    static MosquittoBroker broker;
    static MosquittoBroker secureBroker;
    /** Accepts TCP (the kernel's backlog) and never answers: a broker that hangs. */
    static ServerSocket silentBroker;

    @Autowired
    DeliveryDesk deliveries;

    @Autowired
    OutputCatalog catalog;

    @Autowired
    @Qualifier("outputs")
    HealthIndicator health;

    @Autowired
    MeterRegistry meters;

    /** Before the service starts (its context loads after this), so a missing mosquitto skips. */
    @BeforeAll
    static void startBrokersAndWriteOutputs() throws IOException {
        broker = MosquittoBroker.start(TEST);
        secureBroker = MosquittoBroker.startWithPassword(TEST, "ticker", PASSWORD);
        silentBroker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        java.nio.file.Files.createDirectories(ROUTES.path().resolve("outputs"));
        write("home", "github-octocat", Map.of("url", broker.url(), "awtrixPrefix", "awtrix_office"));
        write(
                "leaving",
                "github-octocat",
                Map.of("url", broker.url(), "baseTopic", "leaving", "nodeId", "leaving", "qos", "0"));
        write(
                "secure",
                "github-torvalds",
                Map.of("url", secureBroker.url(), "baseTopic", "secure-ticker", "discovery", "false"));
        write(
                "dead-broker",
                "github-torvalds",
                Map.of("url", "tcp://127.0.0.1:" + CLOSED_PORT, "retries", "1", "retryDelay", "100ms"));
        write(
                "wrong-password",
                "github-torvalds",
                Map.of("url", secureBroker.url(), "discovery", "false", "timeout", "2s", "retries", "0"));
        write(
                "silent-broker",
                "github-torvalds",
                Map.of(
                        "url",
                        "tcp://127.0.0.1:" + silentBroker.getLocalPort(),
                        "timeout",
                        "1s",
                        "retries",
                        "1",
                        "retryDelay",
                        "100ms"));
        write("no-user", "github-torvalds", Map.of("url", secureBroker.url()));
        write("announce", "github-ghost", Map.of("url", broker.url(), "baseTopic", "announce", "nodeId", "announce"));
        ROUTES.write("outputs/healthy.camel.yaml", """
                - templatedRoute:
                    routeTemplateRef: webhook
                    routeId: output-healthy
                    parameters:
                      - { name: name, value: healthy }
                      - { name: sources, value: github-torvalds }
                      - { name: url, value: "%s/healthy" }
                """.formatted(upstream.baseUrl()));
    }

    @DynamicPropertySource
    static void routesDir(DynamicPropertyRegistry registry) {
        registry.add("ticker.routes.dir", () -> ROUTES.path().toString());
    }

    @AfterAll
    static void stopBrokers() throws IOException {
        if (broker != null) {
            broker.close();
        }
        if (secureBroker != null) {
            secureBroker.close();
        }
        if (silentBroker != null) {
            silentBroker.close();
        }
        CLOSED.close();
        ROUTES.close();
    }

    @Test
    void aLaterSubscriberGetsTheRetainedStateAndHomeAssistantItsSensor() throws Exception {
        github("octocat", 4242);

        refresh(OCTOCAT);

        // Subscribed only now, as an operator would: the broker hands over the retained messages.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> broker.subscribeOnce(TEST, "social-ticker/github-octocat/state", 5)
                        .contains("\"total\":4242,"));
        String state = broker.subscribeOnce(TEST, "social-ticker/github-octocat/state", 5);
        String config = broker.subscribeOnce(TEST, "homeassistant/sensor/social-ticker/github-octocat/config", 5);
        System.out.println("mosquitto_sub -C 1 -v -t social-ticker/github-octocat/state\n" + state);
        System.out.println(
                "mosquitto_sub -C 1 -v -t homeassistant/sensor/social-ticker/github-octocat/config\n" + config);

        assertThat(state).startsWith("social-ticker/github-octocat/state {");
        JsonNode body = JSON.readTree(state.substring(state.indexOf(' ') + 1));
        assertThat(body.get("total").asLong()).isEqualTo(4242);
        // The very body GET /api/metrics/{id} answers.
        assertThat(body)
                .isEqualTo(JSON.readTree(api.get("/api/metrics/github-octocat").body()));

        JsonNode discovery = JSON.readTree(config.substring(config.indexOf(' ') + 1));
        assertThat(discovery.get("unique_id").asText()).isEqualTo("social-ticker_github-octocat");
        assertThat(discovery.get("state_topic").asText()).isEqualTo("social-ticker/github-octocat/state");
        assertThat(discovery.get("value_template").asText()).isEqualTo("{{ value_json.total }}");
        assertThat(discovery.get("availability_topic").asText()).isEqualTo("social-ticker/status");
        assertThat(discovery.get("icon").asText()).isEqualTo("mdi:github");
        assertThat(broker.subscribeOnce(TEST, "social-ticker/status", 5)).isEqualTo("social-ticker/status online");

        // An AWTRIX clock on the same broker gets the source's app on its custom-app topic: the body
        // GET /api/metrics/{id}?format=awtrix answers, with a lifetime from the output's repeats
        // (every 60 s with an awtrixPrefix): 2 × (60 s + the 5 s tick + the 5 s timeout).
        String app = broker.subscribeOnce(TEST, "awtrix_office/custom/github-octocat", 5);
        System.out.println("mosquitto_sub -C 1 -v -t awtrix_office/custom/github-octocat\n" + app);
        assertThat(app).startsWith("awtrix_office/custom/github-octocat {");
        ObjectNode expected = (ObjectNode) JSON.readTree(
                api.get("/api/metrics/github-octocat?format=awtrix").body());
        expected.put("lifetime", 140);
        assertThat(JSON.readTree(app.substring(app.indexOf(' ') + 1))).isEqualTo(expected);
        // Retained only while current: the broker drops it when the next push is overdue (70 s), so a
        // clock that reconnects after the service stopped gets no old count to show as fresh.
        String held = broker.subscribeOnce(TEST, "awtrix_office/custom/github-octocat", 5, "-V", "5", "-F", "%E");
        System.out.println("mosquitto_sub -V 5 -F %E -t awtrix_office/custom/github-octocat\n" + held);
        assertThat(Integer.parseInt(held)).isBetween(1, 70);

        // The next count replaces the retained one.
        github("octocat", 4243);
        refresh(OCTOCAT);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> broker.subscribeOnce(TEST, "social-ticker/github-octocat/state", 5)
                        .contains("\"total\":4243,"));
    }

    /**
     * The clock frames its app in red once {@code lifetime} seconds pass without a body (its
     * {@code checkLifetime}). A count that stands still is published to it again at each repeat (every
     * minute with an awtrixPrefix), well within that lifetime; only on changes, a healthy count that
     * stood still for its lifetime was framed as if the service had stopped.
     */
    @Test
    void aCountThatStandsStillReachesTheClockAgainWithinItsAppsLifetime() throws Exception {
        github("octocat", 4242);
        refresh(OCTOCAT);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> broker.subscribeOnce(TEST, "awtrix_office/custom/github-octocat", 5)
                        .contains("\"text\":\"4.24k\""));

        try (TestSubscriber awtrix = new TestSubscriber(broker.url(), "awtrix_office/custom/github-octocat")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !awtrix.received().isEmpty());
            TestSubscriber.Received retained = awtrix.received().get(0);
            assertThat(retained.retained()).isTrue();
            long lifetime = JSON.readTree(retained.payload()).get("lifetime").asLong();

            // A repeat's minute passes on the service's clock; the count has not changed.
            clock.advance(Duration.ofSeconds(61));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> awtrix.received().stream().anyMatch(message -> !message.retained()));
            TestSubscriber.Received again = awtrix.received().stream()
                    .filter(message -> !message.retained())
                    .findFirst()
                    .orElseThrow();
            System.out.println("A minute later, the clock got again: " + again.payload());
            assertThat(again.payload()).isEqualTo(retained.payload());
            // The longest wait for it: the minute, the next 5 s tick, one 5 s timeout; the app lives twice that.
            assertThat(lifetime).isEqualTo(140).isGreaterThan(60 + 5 + 5);
        }
    }

    /**
     * A source that never had a count (a wrong token, an upstream down since the start) is announced
     * anyway: Home Assistant shows its sensor at once, in state unknown ({@code total} null renders
     * {@code None}, which its MQTT sensor takes as no value), with the reason among its attributes.
     */
    @Test
    void aSourceWithoutACountGetsItsSensorAtOnceInStateUnknown() throws Exception {
        String config = broker.subscribeOnce(TEST, "homeassistant/sensor/announce/github-ghost/config", 15);
        String state = broker.subscribeOnce(TEST, "announce/github-ghost/state", 5);
        System.out.println("mosquitto_sub -C 1 -v -t homeassistant/sensor/announce/github-ghost/config\n" + config
                + "\nmosquitto_sub -C 1 -v -t announce/github-ghost/state\n" + state);

        JsonNode discovery = JSON.readTree(config.substring(config.indexOf(' ') + 1));
        assertThat(discovery.get("name").asText()).isEqualTo("GitHub ghost");
        assertThat(discovery.get("state_topic").asText()).isEqualTo("announce/github-ghost/state");
        JsonNode body = JSON.readTree(state.substring(state.indexOf(' ') + 1));
        assertThat(body.get("total").isNull()).isTrue();
        assertThat(body.at("/error/code").asText()).isEqualTo("NO_DATA");
        assertThat(body)
                .isEqualTo(JSON.readTree(api.get("/api/metrics/github-ghost").body()));
    }

    @Test
    void aPasswordFromPropertiesLogsInAndIsNeverLoggedOrShown(CapturedOutput output) {
        github("torvalds", 31337);

        refresh(TORVALDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered("secure", TORVALDS));
        // The broker refuses anonymous clients; the test's subscriber logs in as the same user.
        assertThat(secureBroker.subscribeOnce(TEST, "secure-ticker/github-torvalds/state", 5))
                .contains("\"total\":31337,");
        assertThat(output.getAll()).contains("MQTT: connected to " + secureBroker.url());
        // A password without a user name refuses that file alone, saying so without the password.
        assertThat(catalog.findBroken("no-user").orElseThrow().reason())
                .contains("password is set but username is not")
                .doesNotContain(PASSWORD);
        assertThat(output.getAll()).doesNotContain(PASSWORD);
        assertThat(health.health().toString()).doesNotContain(PASSWORD);
        // discovery: false publishes no config (mosquitto_sub gives up after a second).
        assertThatThrownBy(() -> secureBroker.subscribeOnce(TEST, "homeassistant/#", 1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDeadOrSilentBrokerLeavesTheRefreshesAndAnotherOutputOnTime() {
        upstream.stubFor(post(urlPathEqualTo("/healthy")).willReturn(aResponse().withStatus(204)));
        List<String> timings = new ArrayList<>();
        for (long count = 201; count <= 203; count++) {
            github("torvalds", count);
            long started = System.nanoTime();
            refresh(TORVALDS);
            long refreshMillis = (System.nanoTime() - started) / 1_000_000;
            long refreshedAt = System.currentTimeMillis();
            long expected = count;
            await().atMost(Duration.ofSeconds(10)).until(() -> healthyReceived(expected) != null);
            long receivedAt = healthyReceived(expected).getLoggedDate().getTime();
            timings.add("count " + count + ": refresh " + refreshMillis + " ms, healthy output received it "
                    + (receivedAt - refreshedAt) + " ms after the refresh returned");
            assertThat(refreshMillis).as("a refresh never waits for an output").isLessThan(2_000);
        }
        System.out.println("With a dead broker (connection refused) and a silent one (1 s timeout):\n"
                + String.join("\n", timings));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Health details = health.health();
            assertThat(OutputFiles.lastFailure(details, "dead-broker")).containsEntry("code", "UNREACHABLE");
            assertThat(OutputFiles.lastFailure(details, "silent-broker")).containsEntry("code", "TIMEOUT");
            assertThat(OutputFiles.lastFailure(details, "wrong-password")).containsEntry("code", "REJECTED");
        });
        Health outputs = health.health();
        assertThat(OutputFiles.lastFailure(outputs, "dead-broker"))
                .containsEntry(
                        "message",
                        "the output 'dead-broker' at 127.0.0.1:" + CLOSED_PORT
                                + " is unreachable (connection refused)");
        // mosquitto refuses a wrong password with MQTT 5's 0x86 or 0x87, by version: the code, never the password.
        assertThat((String) OutputFiles.lastFailure(outputs, "wrong-password").get("message"))
                .matches(
                        "the output 'wrong-password' at 127\\.0\\.0\\.1:[0-9]+ refused it \\(MQTT reason code 13[45]\\)");
        assertThat(outputs.toString()).doesNotContain(WRONG_PASSWORD, PASSWORD);
        // Counted one after the other: equal once a failure in flight has been counted in both.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            double failed = meters.get(DeliveryMeters.NAME)
                    .tags("kind", "output", "destination", "dead-broker", "outcome", "failed")
                    .counter()
                    .count();
            assertThat(failed).isPositive();
            assertThat(meters.get("ticker.outputs")
                            .tags("output", "dead-broker", "outcome", "failed")
                            .counter()
                            .count())
                    .as("the older alias counts the same")
                    .isEqualTo(failed);
        });
        System.out.println("Health of the mqtt outputs: " + OutputFiles.lastFailure(health.health(), "dead-broker")
                + " | " + OutputFiles.lastFailure(health.health(), "silent-broker"));
    }

    @Test
    void aChangedOutputConnectsAgainWithItsNewParametersAndARemovedOneLeavesACleanOffline() {
        github("octocat", 77);
        refresh(OCTOCAT);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered("leaving", OCTOCAT));
        assertThat(broker.subscribeOnce(TEST, "leaving/status", 5)).isEqualTo("leaving/status online");

        // Changed while the service runs: the old connection is closed, the next push opens one
        // with the new parameters (its discovery under the new node id).
        write(
                "leaving",
                "github-octocat",
                Map.of("url", broker.url(), "baseTopic", "leaving", "nodeId", "leaving-again", "qos", "1"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> broker.subscribeOnce(TEST, "leaving/status", 5).equals("leaving/status offline"));
        github("octocat", 78);
        refresh(OCTOCAT);
        assertThat(broker.subscribeOnce(TEST, "homeassistant/sensor/leaving-again/github-octocat/config", 10))
                .contains("\"unique_id\":\"leaving-again_github-octocat\"");
        assertThat(broker.subscribeOnce(TEST, "leaving/status", 5)).isEqualTo("leaving/status online");

        ROUTES.delete("outputs/leaving.camel.yaml");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> catalog.find("leaving").isEmpty());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> broker.subscribeOnce(TEST, "leaving/status", 5).equals("leaving/status offline"));
    }

    private boolean delivered(String output, TickerSource source) {
        DeliveryRecord state = deliveries.record(DeliveryMeters.Kind.OUTPUT, output);
        return state.lastDeliveredAt() != null && source.id().equals(state.lastDelivered());
    }

    private static LoggedRequest healthyReceived(long total) {
        return upstream.findAll(postRequestedFor(urlPathEqualTo("/healthy"))).stream()
                .filter(request -> request.getBodyAsString().contains("\"total\":" + total + ","))
                .findFirst()
                .orElse(null);
    }

    private static void github(String account, long followers) {
        upstream.stubFor(get(urlPathEqualTo("/users/" + account))
                .willReturn(okJson("{\"login\": \"" + account + "\", \"followers\": " + followers + "}")));
    }

    private static void write(String name, String sources, Map<String, String> parameters) {
        OutputFiles.write(ROUTES, name, "mqtt", sources, parameters);
    }

    private static Socket closedPort() {
        try {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
