package dev.socialticker.ticker.history;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.domain.HistoryPoint;
import dev.socialticker.ticker.fleet.FleetInstances;
import dev.socialticker.ticker.fleet.FleetInstances.Instance;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.MutableClock;
import dev.socialticker.ticker.support.RedisServer;
import dev.socialticker.ticker.support.TestClockConfiguration;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances in the shared mode over one real Redis keep ONE history: the instance that read a
 * count writes the fleet's document once ({@code <prefix>history:<id>}), the other follows, and
 * either answers the same points; a Redis emptied under them gets the history back. Two whole
 * applications are the costly part (about 8 s to start on a busy machine), so one test does it all.
 */
class SharedHistoryTest {
    static final String SOURCE = FleetInstances.SOURCE;
    static final String PREFIX = "shared-history:";
    static final String KEY = PREFIX + "history:" + SOURCE;
    static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
            .build();

    static RedisServer redis;
    final MutableClock clock = new MutableClock(TestClockConfiguration.START);
    FleetInstances fleet;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start("The shared history test");
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void twoInstancesKeepOneHistoryEachReadingWrittenOnce() throws Exception {
        fleet = new FleetInstances(
                redis.port(),
                upstream.baseUrl(),
                PREFIX,
                "--ticker.refresh.period=1h",
                "--ticker.refresh.initial-delay=1h",
                "--ticker.refresh.min-interval=100ms");
        long starting = System.nanoTime();
        Instance a = fleet.start(clock);
        Instance b = fleet.start(clock);
        System.out.printf(
                "[history] two instances in the shared mode started in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - starting));
        HistoryBook bookA = a.context().getBean(HistoryBook.class);
        HistoryBook bookB = b.context().getBean(HistoryBook.class);

        try (RedisMonitor writes = new RedisMonitor(redis.port())) {
            answer(1_000);
            a.refreshOnDemand();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(bookB.of(SOURCE).lastCount())
                            .as("B follows A's reading")
                            .hasValue(1_000));
            await().atMost(Duration.ofSeconds(10)).until(() -> writes.setsOf(KEY) == 1);

            clock.advance(Duration.ofMinutes(1));
            answer(1_005);
            b.refreshOnDemand();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(bookA.of(SOURCE).lastCount())
                            .as("A follows B's reading")
                            .hasValue(1_005));
            await().atMost(Duration.ofSeconds(10)).until(() -> writes.setsOf(KEY) == 2);

            List<HistoryPoint> fleetsDocument = HistoryCodec.decode(
                            redis.command("GET", KEY).getBytes(StandardCharsets.UTF_8))
                    .points(Step.RAW, Instant.EPOCH, FAR);
            assertThat(fleetsDocument)
                    .as("one history: A's reading, then B's, in the fleet's document")
                    .extracting(HistoryPoint::count)
                    .containsExactly(1_000L, 1_005L);
            for (Step step : Step.values()) {
                assertThat(bookA.of(SOURCE).points(step, Instant.EPOCH, FAR))
                        .as("A and B answer the same %s points", step.label())
                        .isEqualTo(bookB.of(SOURCE).points(step, Instant.EPOCH, FAR));
            }
            assertThat(bookB.of(SOURCE).points(Step.RAW, Instant.EPOCH, FAR)).isEqualTo(fleetsDocument);

            // The compaction reloads the fleet's document and writes nothing.
            bookA.compact();
            bookB.compact();
            assertThat(bookA.of(SOURCE).points(Step.RAW, Instant.EPOCH, FAR)).isEqualTo(fleetsDocument);
            assertThat(writes.setsOf(KEY))
                    .as("a write per reading, for the whole fleet")
                    .isEqualTo(2);

            // Redis restarted empty: the instances keep their copies and the next reading writes one back.
            redis.command("DEL", KEY);
            bookA.compact();
            bookB.compact();
            assertThat(bookB.of(SOURCE).points(Step.RAW, Instant.EPOCH, FAR)).isEqualTo(fleetsDocument);
            clock.advance(Duration.ofMinutes(1));
            answer(1_010);
            a.refreshOnDemand();
            await().atMost(Duration.ofSeconds(10)).until(() -> writes.setsOf(KEY) == 3);
            assertThat(HistoryCodec.decode(redis.command("GET", KEY).getBytes(StandardCharsets.UTF_8))
                            .points(Step.RAW, Instant.EPOCH, FAR))
                    .extracting(HistoryPoint::count)
                    .containsExactly(1_000L, 1_005L, 1_010L);
        }
    }

    private static void answer(long followers) {
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(okJson(
                        Fixtures.read("instagram", "ig-user.json").replace("267788", String.valueOf(followers)))));
    }

    /** Redis's MONITOR on a connection of its own: every command the fleet sends, as Redis logs it. */
    static final class RedisMonitor implements AutoCloseable {
        private final Socket socket;
        private final List<String> commands = new CopyOnWriteArrayList<>();

        RedisMonitor(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.getOutputStream().write("*1\r\n$7\r\nMONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            if (!"+OK".equals(in.readLine())) {
                throw new IOException("MONITOR refused");
            }
            Thread reader = new Thread(
                    () -> {
                        try {
                            for (String line = in.readLine(); line != null; line = in.readLine()) {
                                commands.add(line);
                            }
                        } catch (IOException closed) {
                            // the test is over
                        }
                    },
                    "redis-monitor");
            reader.setDaemon(true);
            reader.start();
        }

        /** How many times {@code key} was set (SET, or any SET-like command naming it). */
        long setsOf(String key) {
            return commands.stream()
                    .filter(line -> line.contains("\"" + key + "\""))
                    .filter(line -> line.matches("^\\+[0-9.]+ \\[[^]]*\\] \"(?i:set)[a-z]*\" .*"))
                    .count();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
