package dev.socialticker.ticker.output.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.support.BuiltInDisplays;
import dev.socialticker.ticker.support.MosquittoBroker;
import dev.socialticker.ticker.support.TestJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher against a real broker (Debian's mosquitto): what a later subscriber, Home
 * Assistant or an operator with {@code mosquitto_sub}, receives; what happens when the broker
 * goes away, answers nothing or comes back.
 */
class MqttPublisherTest {
    static final String TEST = "The MQTT publisher test";
    static final ObjectMapper JSON = new ObjectMapper();
    static final TickerSource ACME = new TickerSource("instagram-acme", "instagram", "acme");
    static final Instant READ_AT = Instant.parse("2026-12-02T10:00:00Z");
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    MosquittoBroker broker;
    MqttPublisher publisher;
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void startBroker() {
        broker = MosquittoBroker.start(TEST);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aRetainedStateReachesASubscriberThatComesLater() throws Exception {
        publisher = new MqttPublisher(settings());
        MqttPublication state = state(12_345);

        publisher.publish(state, 1);

        // Subscribed only now: the broker hands over the retained message at once.
        TestSubscriber ha = subscriber("social-ticker/+/state");
        TestSubscriber.Received received = ha.awaitLatest(state.topic(), state.payload());
        assertThat(received.retained()).isTrue();
        assertThat(JSON.readTree(received.payload()).get("total").asLong()).isEqualTo(12_345);

        String operator = broker.subscribeOnce(TEST, "social-ticker/instagram-acme/state", 5);
        assertThat(operator).isEqualTo("social-ticker/instagram-acme/state " + state.payload());
        System.out.println("[mqtt] mosquitto_sub -C 1 -v -t social-ticker/instagram-acme/state:\n" + operator);
    }

    /**
     * An AWTRIX clock subscribes to {@code <prefix>/custom/#} at every (re)connect, speaking MQTT
     * 3.1.1, and counts an app's lifetime from when it receives it. An app published with an expiry
     * is handed to it while current; once expired the broker drops it, so a clock that comes back
     * after a long outage gets no app, not an old count as fresh. Expiry is in whole seconds on the
     * broker's own clock: this waits the 2 s out.
     */
    @Test
    void aRetainedAwtrixAppExpiresOnTheBrokerForAClockThatComesLater() {
        publisher = new MqttPublisher(settings());
        MqttPublication app = MqttMessages.awtrixApp(
                "awtrix_office", "instagram-acme", "{\"text\":\"12.3k\"}", Duration.ofSeconds(2));

        publisher.publish(app, 1);

        // MQTT 5 shows what the broker holds: the app, and its seconds left (at most the 2 sent).
        String held = broker.subscribeOnce(TEST, app.topic(), 5, "-V", "5", "-F", "%E %p");
        System.out.println("[mqtt] mosquitto_sub -V 5 -F '%E %p' -t " + app.topic() + ":\n" + held);
        assertThat(held).matches("[12] \\{\"text\":\"12.3k\"}");
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThatThrownBy(
                                // A clock's protocol (MQTT 3.1.1, mosquitto_sub's default): nothing retained.
                                () -> broker.subscribeOnce(TEST, "awtrix_office/custom/#", 1))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("Timed out"));
    }

    @Test
    void theNewestStateReplacesTheRetainedOne() throws Exception {
        publisher = new MqttPublisher(settings());
        publisher.publish(state(100), 1);
        publisher.publish(state(101), 1);

        TestSubscriber later = subscriber("social-ticker/instagram-acme/state");
        later.awaitLatest("social-ticker/instagram-acme/state", state(101).payload());
        assertThat(later.received()).hasSize(1);
    }

    @Test
    void theDiscoveryConfigIsRetainedAndSentOncePerConnection() throws Exception {
        publisher = new MqttPublisher(settings());
        MqttPublication config = MqttMessages.discovery(
                publisher.settings(), ACME, BuiltInDisplays.INSTANCE.of("instagram"), TestJson.documents());

        assertThat(publisher.publishOnce(config, 1)).isTrue();
        assertThat(publisher.publishOnce(config, 1))
                .as("unchanged, same connection")
                .isFalse();

        String operator = broker.subscribeOnce(TEST, "homeassistant/sensor/+/+/config", 5);
        assertThat(operator).startsWith("homeassistant/sensor/social-ticker/instagram-acme/config {");
        JsonNode json = JSON.readTree(operator.substring(operator.indexOf(' ') + 1));
        assertThat(json.get("unique_id").asText()).isEqualTo("social-ticker_instagram-acme");
        assertThat(json.get("state_topic").asText()).isEqualTo("social-ticker/instagram-acme/state");
        assertThat(json.get("value_template").asText()).isEqualTo("{{ value_json.total }}");
        assertThat(json.get("unit_of_measurement").asText()).isEqualTo("followers");
        assertThat(json.get("state_class").asText()).isEqualTo("measurement");
        assertThat(json.get("availability_topic").asText()).isEqualTo("social-ticker/status");
        assertThat(json.at("/device/manufacturer").asText()).isEqualTo("Social Ticker");
        System.out.println("[mqtt] discovery config:\n" + json.toPrettyString());
    }

    @Test
    void statusIsOnlineWhileConnectedAndTheLastWillSaysOfflineWhenTheConnectionDrops() throws Exception {
        publisher = new MqttPublisher(settings());
        TestSubscriber ha = subscriber("social-ticker/status");
        publisher.publish(state(1), 1);
        ha.awaitLatest("social-ticker/status", "online");

        publisher.dropConnectionUncleanly();

        // Sent by the broker, not by us: the Will of the lost connection, retained for later readers.
        ha.awaitLatest("social-ticker/status", "offline");
        assertThat(broker.subscribeOnce(TEST, "social-ticker/status", 5)).isEqualTo("social-ticker/status offline");

        publisher.publish(state(2), 1);
        ha.awaitLatest("social-ticker/status", "online");
    }

    @Test
    void aCleanCloseSaysOfflineItself() throws Exception {
        publisher = new MqttPublisher(settings());
        publisher.publish(state(1), 1);

        publisher.close();

        assertThat(broker.subscribeOnce(TEST, "social-ticker/status", 5)).isEqualTo("social-ticker/status offline");
        assertThatThrownBy(() -> publisher.publish(state(2), 1))
                .isInstanceOf(MqttPublishException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void withTheBrokerDownAPublishFailsQuicklyNamingTheBrokerAndNoSecret() {
        String password = "hunter2-broker-secret";
        publisher = new MqttPublisher(settings().withCredentials("ticker", password));
        broker.stop();

        long started = System.nanoTime();
        Throwable failure = catchFailure(() -> publisher.publish(state(1), 1));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure)
                .isInstanceOf(MqttPublishException.class)
                .hasMessageContaining("connect to " + broker.url())
                .hasMessageContaining("failed");
        assertThat(stackTrace(failure)).doesNotContain(password);
        assertThat(took).isLessThan(TIMEOUT.plusSeconds(1));
        System.out.println("[mqtt] broker down: failed in " + took.toMillis() + " ms: " + failure.getMessage());
    }

    @Test
    void aBrokerThatAcceptsButNeverAnswersCannotHoldTheCallerLongerThanTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            // Accepts the TCP connection (the kernel does) and never sends CONNACK.
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept());
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            publisher = new MqttPublisher(
                    MqttSettings.of("tcp://127.0.0.1:" + silent.getLocalPort()).withTimeout(TIMEOUT));

            long started = System.nanoTime();
            Throwable failure = catchFailure(() -> publisher.publish(state(1), 1));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(failure).isInstanceOf(MqttPublishException.class).hasMessageContaining("failed");
            assertThat(took).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(100)).isLessThan(TIMEOUT.plusSeconds(2));
            System.out.println("[mqtt] silent broker: failed in " + took.toMillis() + " ms: " + failure.getMessage());
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void afterTheBrokerRestartsTheNextPublishReconnectsAndRepublishesDiscovery() throws Exception {
        publisher = new MqttPublisher(settings());
        MqttPublication config = MqttMessages.discovery(
                publisher.settings(), ACME, BuiltInDisplays.INSTANCE.of("instagram"), TestJson.documents());
        publisher.publishOnce(config, 1);
        publisher.publish(state(1), 1);

        broker.stop();
        long lostAt = System.nanoTime();
        assertThatThrownBy(() -> publisher.publish(state(2), 1)).isInstanceOf(MqttPublishException.class);
        Duration failed = Duration.ofNanos(System.nanoTime() - lostAt);
        assertThat(failed).isLessThan(TIMEOUT.plusSeconds(1));
        broker.startAgain();

        long started = System.nanoTime();
        publisher.publish(state(3), 1);
        Duration reconnect = Duration.ofNanos(System.nanoTime() - started);
        // The restarted broker kept nothing: the config must go again, though it did not change.
        assertThat(publisher.publishOnce(config, 1)).isTrue();

        TestSubscriber ha = subscriber("#");
        ha.awaitLatest("social-ticker/instagram-acme/state", state(3).payload());
        ha.awaitLatest(config.topic(), config.payload());
        ha.awaitLatest("social-ticker/status", "online");

        // Every client it dropped on the way, and the last one, leave no thread behind.
        assertThat(pahoThreadsOf("ticker-test"))
                .as("the live connection's threads")
                .isNotEmpty();
        publisher.close();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> pahoThreadsOf("ticker-test").isEmpty());
        System.out.println("[mqtt] broker killed: the next publish failed in " + failed.toMillis()
                + " ms; after its restart, reconnect and publish took " + reconnect.toMillis() + " ms");
    }

    @Test
    void aBrokerWithPasswordsTakesTheRightOneAndRefusesAWrongOneWithoutShowingIt() throws Exception {
        broker.close();
        broker = MosquittoBroker.startWithPassword(TEST, "ticker", "right-horse-battery");

        try (MqttPublisher wrong = new MqttPublisher(settings().withCredentials("ticker", "wrong-horse-battery"))) {
            Throwable failure = catchFailure(() -> wrong.publish(state(1), 1));
            assertThat(failure).isInstanceOf(MqttPublishException.class).hasMessageContaining("connect to");
            assertThat(stackTrace(failure)).doesNotContain("wrong-horse-battery");
            System.out.println("[mqtt] wrong password: " + failure.getMessage());
        }

        publisher = new MqttPublisher(settings().withCredentials("ticker", "right-horse-battery"));
        publisher.publish(state(7), 1);
        assertThat(broker.subscribeOnce(TEST, "social-ticker/instagram-acme/state", 5))
                .contains("\"total\":7");
    }

    @Test
    void severalThreadsShareOneConnection() throws Exception {
        // What is tested is sharing, not speed: a generous timeout, so a busy CI machine cannot fail it.
        publisher = new MqttPublisher(settings().withTimeout(Duration.ofSeconds(10)));
        TestSubscriber counter = subscriber("load/#");

        publishFromThreads(4, 25);

        await().atMost(Duration.ofSeconds(5)).until(() -> counter.received().size() == 100);
        // A second connection would bring a second "MQTT Rec: ticker-test" and so on.
        assertThat(pahoThreadsOf("ticker-test"))
                .as("one connection's threads")
                .contains("MQTT Rec: ticker-test")
                .doesNotHaveDuplicates();
    }

    @Test
    void publishesBeyondTheBrokersReceiveMaximumWaitForTheirTurnInsteadOfFailing() throws Exception {
        // mosquitto sends max_inflight_messages as its Receive Maximum. Paho 1.2.5 refuses a publish
        // past it ("Too many publishes in progress") and counts an acknowledged one a little longer
        // than its caller waits: eight threads against a window of 2 failed within a few publishes.
        broker.close();
        broker = MosquittoBroker.startWith(TEST, "max_inflight_messages 2");
        publisher = new MqttPublisher(settings().withTimeout(Duration.ofSeconds(10)));
        TestSubscriber counter = subscriber("load/#");

        publishFromThreads(8, 25);

        assertThat(publisher.window())
                .as("Receive Maximum 2, less one for Paho's late count")
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> counter.received().size() == 200);
    }

    /** Publishes {@code each} QoS 1 messages to {@code load/<thread>} from each of {@code threads} threads. */
    private void publishFromThreads(int threads, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        publisher.publish(
                                "load/" + thread, String.valueOf(i).getBytes(StandardCharsets.UTF_8), 1, false);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private MqttSettings settings() {
        return MqttSettings.of(broker.url()).withClientId("ticker-test").withTimeout(TIMEOUT);
    }

    private TestSubscriber subscriber(String filter) throws Exception {
        TestSubscriber subscriber = new TestSubscriber(broker.url(), filter);
        toClose.add(subscriber);
        return subscriber;
    }

    private static MqttPublication state(long total) {
        // The shape of GET /api/metrics/{id}; the output sends the API's own bytes (OutputsMqttTest).
        String body = "{\"id\":\"" + ACME.id() + "\",\"provider\":\"instagram\",\"profile\":\"Acme\",\"total\":" + total
                + ",\"refreshedAt\":\"" + READ_AT + "\",\"stale\":false,\"error\":null}";
        return MqttMessages.state(
                MqttSettings.of("tcp://unused:1883"), ACME.id(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** Paho names its threads "MQTT Rec: <client id>", "MQTT Snd: …", "MQTT Call: …", "MQTT Ping: …". */
    private static List<String> pahoThreadsOf(String clientId) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("MQTT") && name.endsWith(": " + clientId))
                .toList();
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the call to fail");
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
