package dev.socialticker.ticker.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.PackagedJar;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many Instagram sources against a loopback stand-in, in the packaged jar with the image's JVM flags
 * (128 MiB of heap): what once took the service down. Rates are the benchmark's
 * (src/test/bench/sources-curve.sh); this checks what must hold at any speed: every read answered
 * from memory, the last good counts kept, refreshes bounded by the configured concurrency, upstream
 * calls bounded by min-interval however many reads arrive, no heap exhaustion.
 */
class ManySourcesIT {
    private static final int CONCURRENCY = 16;
    private static final int MAX_ATTEMPTS = 2;
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(5);

    private final List<AutoCloseable> started = new ArrayList<>();
    private Path dir;

    @Test
    void anOutageUnderReadLoadWith200SourcesKeepsServingTheLastCountsFromMemory() throws Exception {
        GraphStandIn graph = started(new GraphStandIn());
        PackagedJar service = start(graph, 200);
        ApiClient api = service.api();
        long healthyTotal = 200 * GraphStandIn.COUNT;
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() ->
                        ApiClient.json(api.get("/api/metrics")).path("total").asLong() == healthyTotal);

        graph.outage(300);
        long callsAtOutage = graph.calls();
        long outageStart = System.nanoTime();
        // Until every source is stale: one refreshed just before the outage stays fresh a while.
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    JsonNode sources = ApiClient.json(api.get("/api/metrics")).path("sources");
                    for (JsonNode source : sources) {
                        if (!source.path("stale").asBoolean()) {
                            return false;
                        }
                    }
                    return sources.size() == 200;
                });

        // 8 readers, 1,500 reads each, of the whole body and of single sources, while it is stale.
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int reader = 0; reader < 8; reader++) {
                int first = reader;
                done.add(readers.submit(() -> readStale(api, first, 1_500, healthyTotal)));
            }
            for (Future<Integer> reads : done) {
                assertThat(reads.get(5, TimeUnit.MINUTES)).isEqualTo(1_500);
            }
        } finally {
            readers.shutdownNow();
        }
        double outageSeconds = (System.nanoTime() - outageStart) / 1e9;
        long outageCalls = graph.calls() - callsAtOutage;
        long bound = (long) (200 * MAX_ATTEMPTS * (outageSeconds / MIN_INTERVAL.toSeconds() + 2));
        System.out.printf(
                "[scale] 200 sources, outage %.1f s under 12,000 reads: %d upstream calls (bound %d),"
                        + " at most %d at once%n",
                outageSeconds, outageCalls, bound, graph.mostOpenAtOnce());
        assertThat(outageCalls).as("upstream calls in the outage").isLessThanOrEqualTo(bound);
        assertThat(graph.mostOpenAtOnce()).as("refreshes at once").isLessThanOrEqualTo(CONCURRENCY);
        assertThat(service.process().isAlive()).isTrue();
        assertThat(service.management().get("/actuator/health/liveness").statusCode())
                .isEqualTo(200);
        assertThat(service.output()).doesNotContain("OutOfMemoryError");
    }

    @Test
    void twoThousandSourcesAllHaveDataSoonAfterStart() throws Exception {
        GraphStandIn graph = started(new GraphStandIn());
        long begin = System.nanoTime();
        PackagedJar service = start(graph, 2_000);
        ApiClient api = service.api();

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() ->
                        ApiClient.json(api.get("/api/metrics")).path("total").asLong() == 2_000 * GraphStandIn.COUNT);
        System.out.printf(
                "[scale] 2,000 sources: all data %.1f s after the process started, %d upstream calls,"
                        + " at most %d at once%n",
                (System.nanoTime() - begin) / 1e9, graph.calls(), graph.mostOpenAtOnce());
        assertThat(graph.mostOpenAtOnce()).as("refreshes at once").isLessThanOrEqualTo(CONCURRENCY);
        JsonNode one = ApiClient.json(api.get("/api/metrics/instagram-17841400000001999"));
        assertThat(one.path("total").asLong()).isEqualTo(GraphStandIn.COUNT);
        assertThat(service.output()).doesNotContain("OutOfMemoryError", "already registered");
    }

    /** Reads the whole body and single sources in turn; each must be served, stale, with the last counts. */
    private static int readStale(ApiClient api, int reader, int count, long healthyTotal) {
        for (int i = 0; i < count; i++) {
            boolean whole = i % 2 == 0;
            String path =
                    whole ? "/api/metrics" : "/api/metrics/instagram-" + (17841400000000000L + (reader * 25 + i) % 200);
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonNode body = ApiClient.json(response);
            assertThat(body.path("stale").asBoolean()).as(path + " is stale").isTrue();
            assertThat(body.path("total").asLong())
                    .as(path + " keeps the last count")
                    .isEqualTo(whole ? healthyTotal : GraphStandIn.COUNT);
        }
        return count;
    }

    private PackagedJar start(GraphStandIn graph, int sources) throws IOException {
        dir = Files.createTempDirectory("social-ticker-scale");
        StringBuilder config = new StringBuilder("ticker:\n  sources:\n");
        for (int i = 0; i < sources; i++) {
            config.append("    - { provider: instagram, account: \"")
                    .append(17841400000000000L + i)
                    .append("\" }\n");
        }
        Files.writeString(dir.resolve("application.yaml"), config);
        return started(PackagedJar.start(
                dir,
                PackagedJar.IMAGE_JVM_FLAGS,
                "--ticker.providers.instagram.base-url=" + graph.baseUrl(),
                "--ticker.providers.instagram.access-token=scale-test-token",
                "--ticker.store.type=memory",
                "--ticker.refresh.period=10s",
                "--ticker.refresh.stale-after=10s",
                "--ticker.refresh.min-interval=" + MIN_INTERVAL.toSeconds() + "s",
                "--ticker.refresh.concurrency=" + CONCURRENCY,
                "--ticker.refresh.retry.max-attempts=" + MAX_ATTEMPTS,
                "--ticker.refresh.retry.backoff=200ms",
                "--ticker.refresh.retry.give-up-after=5s"));
    }

    private <T extends AutoCloseable> T started(T thing) {
        started.add(thing);
        return thing;
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        if (dir != null) {
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
