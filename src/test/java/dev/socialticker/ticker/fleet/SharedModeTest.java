package dev.socialticker.ticker.fleet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.socialticker.ticker.fleet.FleetInstances.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.fleet.FleetInstances.Instance;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.RedisServer;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several instances over one real Redis and one WireMock upstream: they serve the same count, call
 * the upstream together no more often than one instance would, honour a wait fleet-wide, take over
 * from a dead lease holder, and keep serving (and converge again) through a Redis outage.
 */
class SharedModeTest {
    static final String IG_PATH = UpstreamServiceTest.GRAPH_PATH;

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
            .build();

    static RedisServer redis;
    FleetInstances fleet;
    String prefix;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start("The shared-mode test");
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    void fleet(TestInfo test, String... settings) {
        prefix = "t-" + (test.getTestMethod().orElseThrow().getName() + test.getDisplayName()).hashCode() + ":";
        fleet = new FleetInstances(redis.port(), upstream.baseUrl(), prefix, settings);
    }

    @AfterEach
    void stopFleet() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        // The outage test stops Redis; the next test finds it running.
        if (!"+PONG".equals(pingQuietly())) {
            redis.startAgain();
        }
    }

    @Test
    void everyInstanceServesTheCountOneOfThemLearnt(TestInfo test) {
        answer(267788);
        fleet(test, "--ticker.refresh.period=1h", "--ticker.refresh.min-interval=100ms");
        Instance a = fleet.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> a.total() == 267788);

        Instance b = fleet.start("--ticker.refresh.initial-delay=1h");
        assertThat(b.total())
                .as("served from Redis at once, before any refresh of its own")
                .isEqualTo(267788);
        b.refreshAsTheTimer();
        assertThat(calls())
                .as("B's timer tick found the source refreshed by A within the period")
                .isEqualTo(1);

        answer(300000);
        assertThat(a.admin("POST", "/api/admin/refresh/" + SOURCE)).isEqualTo(202);
        long refreshedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> b.total() == 300000);
        System.out.printf(
                "[fleet] a count learnt by A was served by B %d ms after the admin refresh was accepted%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - refreshedAt));
        assertThat(calls()).isEqualTo(2);

        // A deletion's message that arrives after the state stored since (messages can overtake
        // each other): Redis holds the newer state, so B keeps it.
        b.context()
                .getBean(ProducerTemplate.class)
                .sendBody(FleetEndpoints.CHANGE, "another-instance deleted " + SOURCE);
        assertThat(b.total()).as("a late deletion does not undo a newer state").isEqualTo(300000);

        assertThat(a.admin("DELETE", "/api/admin/cache/" + SOURCE)).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(b.api().get("/api/metrics/" + SOURCE).statusCode())
                                .as("invalidated fleet-wide")
                                .isEqualTo(503));
    }

    @Test
    void theStatusConsoleListsTheFleetsMembersAndAStoppedOneLeavesIt(TestInfo test) {
        answer(267788);
        fleet(test, "--ticker.refresh.period=1h");
        Instance a = fleet.start();
        Instance b = fleet.start("--ticker.refresh.initial-delay=1h");

        // Each says it is alive on its first resync tick, right after its start.
        await().atMost(Duration.ofSeconds(20)).until(() -> members(a).size() == 2);
        List<JsonNode> seenByA = members(a);
        List<JsonNode> seenByB = members(b);
        System.out.println("[fleet] /api/status of A, fleet: " + seenByA);
        assertThat(seenByA.stream().map(member -> member.get("instance").asText()))
                .as("the same members, whichever instance is asked")
                .containsExactlyElementsOf(seenByB.stream()
                        .map(member -> member.get("instance").asText())
                        .toList());
        assertThat(seenByA.stream().filter(member -> member.get("answering").asBoolean()))
                .as("A marks itself alone")
                .hasSize(1);
        String bName = seenByB.stream()
                .filter(member -> member.get("answering").asBoolean())
                .findFirst()
                .orElseThrow()
                .get("instance")
                .asText();
        assertThat(seenByA.get(0).get("host").asText()).isNotEmpty();
        // One instance pushes to the outputs for the fleet (the lease outputs-leader): the console
        // says which, so an operator reads the deliveries' records there.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(members(a).stream()
                                .filter(member ->
                                        member.get("delivers").toString().contains("\"outputs\"")))
                        .as("exactly one member delivers to the outputs")
                        .hasSize(1));
        assertThat(Instant.parse(seenByA.get(0).get("startedAt").asText()))
                .isBeforeOrEqualTo(Instant.parse(seenByA.get(1).get("startedAt").asText()));

        b.context().close();
        assertThat(members(a))
                .as("B left the roster as it stopped, not after it was missed")
                .extracting(member -> member.get("instance").asText())
                .doesNotContain(bName)
                .hasSize(1);
    }

    /** The fleet's members as an instance's status console reads them, reachable. */
    private static List<JsonNode> members(Instance instance) {
        JsonNode fleet = ApiClient.json(instance.api().get("/api/status")).get("fleet");
        assertThat(fleet.get("reachable").asBoolean()).as(fleet.toString()).isTrue();
        List<JsonNode> members = new java.util.ArrayList<>();
        fleet.get("members").forEach(members::add);
        return members;
    }

    @ParameterizedTest(name = "{0} instance(s)")
    @ValueSource(ints = {1, 2, 3})
    void underReadsOfStaleDataAFleetCallsTheUpstreamNoMoreOftenThanOneInstance(int instances, TestInfo test)
            throws Exception {
        answer(267788);
        // Data is stale half a second after each refresh: every read asks for one, the gates decide.
        // (Half a second rather than longer: six calls are what is counted, and the gaps' slack for
        // the time between the gate's decision and WireMock's log is absolute, not a fraction.)
        fleet(
                test,
                "--ticker.refresh.period=1h",
                "--ticker.refresh.stale-after=500ms",
                "--ticker.refresh.min-interval=500ms",
                "--ticker.refresh.initial-delay=1h");
        List<Instance> fleetOf = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            fleetOf.add(fleet.start());
        }

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            for (int r = 0; r < 4; r++) {
                int first = r;
                readers.submit(() -> {
                    for (int n = first; reading.get(); n++) {
                        fleetOf.get(n % instances).api().get("/api/metrics");
                        reads.incrementAndGet();
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> calls() >= 6);
        } finally {
            reading.set(false);
            readers.shutdown();
            assertThat(readers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        List<Instant> times = callTimes();
        Duration span = Duration.between(times.get(0), times.get(times.size() - 1));
        System.out.printf(
                "[fleet] %d instance(s), %d reads of stale data by 4 readers: %d upstream calls in %d ms"
                        + " (%.2f calls/s; min-interval 500 ms)%n",
                instances, reads.get(), times.size(), span.toMillis(), (times.size() - 1) * 1000.0 / span.toMillis());
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            assertThat(gap).as("gap before call %d of %s", i, times).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        }
    }

    @Test
    void aFleetsTimersCallTheUpstreamOncePerPeriod(TestInfo test) {
        answer(267788);
        fleet(test, "--ticker.refresh.period=500ms", "--ticker.refresh.min-interval=500ms");
        for (int i = 0; i < 3; i++) {
            fleet.start();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> calls() >= 6);

        List<Instant> times = callTimes();
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            // A timer tick's window is the period less the timer's slack (a tenth of it): 450 ms.
            assertThat(gap).as("gap before call %d of %s", i, times).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void aWaitTheUpstreamAskedForHoldsTheWholeFleet(TestInfo test) {
        // Graph API's rate limit: error code 4, and the time to regain access (minutes) in a usage header.
        upstream.stubFor(get(urlPathEqualTo(IG_PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withHeader(
                                "X-Business-Use-Case-Usage",
                                "{\"" + UpstreamServiceTest.IG_USER + "\": [{\"type\":"
                                        + " \"instagram\", \"call_count\": 100, \"total_cputime\": 20, \"total_time\": 30,"
                                        + " \"estimated_time_to_regain_access\": 60}]}")
                        .withBody(
                                "{\"error\": {\"message\": \"Application request limit reached\", \"type\": \"OAuthException\","
                                        + " \"code\": 4}}")));
        fleet(test, "--ticker.refresh.period=500ms", "--ticker.refresh.min-interval=500ms");
        Instance a = fleet.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> calls() == 1);

        Instance b = fleet.start("--ticker.refresh.initial-delay=1h");
        b.refreshAsTheTimer();
        b.refreshOnDemand();

        assertThat(calls()).as("neither A nor B called again within the hour").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode body = ApiClient.json(b.api().get("/api/metrics"));
            assertThat(body.at("/error/code").asText())
                    .as("B serves A's recorded failure")
                    .isEqualTo("RATE_LIMITED");
        });
        assertThat(a.api().get("/api/metrics").statusCode()).isEqualTo(503);
    }

    @Test
    void whenTheLeaseHolderDiesAnotherInstanceTakesOverAfterTheLeaseExpires(TestInfo test) throws Exception {
        answer(267788);
        fleet(
                test,
                "--ticker.refresh.period=500ms",
                "--ticker.refresh.min-interval=500ms",
                "--ticker.refresh.retry.give-up-after=1s");
        Instance a = fleet.start("--ticker.refresh.initial-delay=1h");
        // What a holder that died mid-refresh leaves behind: its lease, taken by another holder (another
        // process), never released.
        Duration leaseExpiry = Duration.ofSeconds(1 + 1).plus(RedisFleetGate.LEASE_MARGIN);
        StateRepository shared = a.context().getBean(StateRepository.class);
        assertThat(shared.holdLease(RedisKeys.refreshLease(SOURCE), "a-dead-instance:1", leaseExpiry))
                .isTrue();
        Instant died = Instant.now();

        assertThat(a.admin("POST", "/api/admin/refresh/" + SOURCE)).isEqualTo(202);
        Instance b = fleet.start("--ticker.refresh.initial-delay=0s");
        await().atMost(Duration.ofSeconds(30)).until(() -> b.total() == 267788);

        Instant firstCall = callTimes().get(0);
        System.out.printf(
                "[fleet] lease of a dead holder (expiry %d ms) taken over after %d ms%n",
                leaseExpiry.toMillis(), Duration.between(died, firstCall).toMillis());
        assertThat(Duration.between(died, firstCall))
                .as("no call while the dead holder's lease was valid")
                .isGreaterThanOrEqualTo(leaseExpiry.minusMillis(100));
        assertThat(calls()).isEqualTo(1);
    }

    @Test
    void throughARedisOutageEachInstanceServesAndRefreshesAloneThenTheFleetConverges(TestInfo test) throws Exception {
        answer(267788);
        fleet(test, "--ticker.refresh.period=1h", "--ticker.refresh.min-interval=100ms");
        Instance a = fleet.start();
        Instance b = fleet.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> a.total() == 267788 && b.total() == 267788);

        redis.stop();
        assertThat(a.total()).as("served from A's own copy").isEqualTo(267788);
        assertThat(b.total()).as("served from B's own copy").isEqualTo(267788);
        assertHealth(a, 200, "DEGRADED", "DEGRADED");
        JsonNode unreachable = ApiClient.json(a.api().get("/api/status")).get("fleet");
        assertThat(unreachable.get("reachable").asBoolean())
                .as(unreachable.toString())
                .isFalse();
        assertThat(unreachable.get("members")).as("no roster without Redis").isEmpty();

        answer(300000);
        assertThat(a.admin("POST", "/api/admin/refresh/" + SOURCE)).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.total() == 300000);
        assertThat(b.total()).as("B cannot hear of it while Redis is down").isEqualTo(267788);

        redis.startAgain();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(20)).until(() -> b.total() == 300000);
        System.out.printf(
                "[fleet] after Redis came back (empty), B served A's newer count within %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back));
        assertThat(redis.command("GET", prefix + "state:" + SOURCE))
                .as("A wrote its copy back")
                .contains("300000");
        assertHealth(a, 200, "UP", "UP");
    }

    @Test
    void anInstanceStartsWhileRedisIsDownAndJoinsTheFleetWhenItIsBack(TestInfo test) throws Exception {
        answer(267788);
        fleet(test, "--ticker.refresh.period=1h");
        redis.stop();

        Instance a = fleet.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> a.total() == 267788);
        assertHealth(a, 200, "DEGRADED", "DEGRADED");

        redis.startAgain();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(redis.command("GET", prefix + "state:" + SOURCE))
                        .as("written once Redis is back")
                        .contains("267788"));
        assertHealth(a, 200, "UP", "UP");
        Instance b = fleet.start("--ticker.refresh.initial-delay=1h");
        assertThat(b.total()).as("a new instance finds the count in Redis").isEqualTo(267788);
        assertThat(calls()).isEqualTo(1);
    }

    private static String pingQuietly() {
        try {
            return redis.command("PING");
        } catch (Exception down) {
            return null;
        }
    }

    private static void answer(long followers) {
        upstream.stubFor(get(urlPathEqualTo(IG_PATH))
                .willReturn(okJson(
                        Fixtures.read("instagram", "ig-user.json").replace("267788", String.valueOf(followers)))));
    }

    /**
     * The upstream calls the fleet made, in order. Counted by the fleet's own token: test contexts of
     * other classes, cached by Spring and still ticking, may reach this WireMock when its random port
     * is one their stopped stub once had.
     */
    private static List<Instant> callTimes() {
        return upstream
                .findAll(getRequestedFor(urlPathEqualTo(IG_PATH))
                        .withQueryParam("access_token", equalTo(FleetInstances.TOKEN)))
                .stream()
                .map(request -> request.getLoggedDate().toInstant())
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private static int calls() {
        return callTimes().size();
    }

    /** What /actuator/health answers, overall and for the redis component. */
    private static void assertHealth(Instance instance, int status, String overall, String redisComponent) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> response = instance.management().get("/actuator/health");
            JsonNode body = ApiClient.json(response);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            assertThat(body.get("status").asText()).as(response.body()).isEqualTo(overall);
            assertThat(body.at("/components/redis/status").asText())
                    .as(response.body())
                    .isEqualTo(redisComponent);
        });
    }
}
