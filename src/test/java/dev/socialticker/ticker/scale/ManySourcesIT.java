package dev.socialticker.ticker.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Nightly;
import dev.socialticker.ticker.support.PackagedJar;
import dev.socialticker.ticker.support.SharedMachine;
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
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Many Instagram sources against a loopback stand-in, in the packaged jar with the image's JVM flags
 * (128 MiB of heap): what once took the service down. Rates are the benchmark's
 * (src/test/bench/sources-curve.sh); this checks what must hold at any speed: every read answered
 * from memory, the last good counts kept, refreshes bounded by the configured concurrency, upstream
 * calls bounded by min-interval however many reads arrive, no heap exhaustion. The regular build runs
 * 2,000 sources and 2,400 outage reads; the nightly build ({@link Nightly}) 10,000 sources, with the
 * heap docs/container.md sizes them for, and 12,000 reads.
 */
@ResourceLock(value = SharedMachine.CORES, mode = ResourceAccessMode.READ_WRITE)
@ResourceLock(value = SharedMachine.TIMELINESS, mode = ResourceAccessMode.READ_WRITE)
class ManySourcesIT {
    private static final int CONCURRENCY = 16;
    private static final int MAX_ATTEMPTS = 2;
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
    private static final int READERS = 8;
    /** Up to this many sources the image's own flags (128 MiB of heap) must do. */
    private static final int IMAGE_HEAP_SOURCES = 2_000;

    private final List<AutoCloseable> started = new ArrayList<>();
    private Path dir;

    @Test
    void anOutageUnderReadLoadWith200SourcesKeepsServingTheLastCountsFromMemory() throws Exception {
        int readsPerReader = Nightly.READS_PER_READER_IN_OUTAGE.value();
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

        // 8 readers, of the whole body and of single sources in turn, while it is stale.
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int reader = 0; reader < READERS; reader++) {
                int first = reader;
                done.add(readers.submit(() -> readStale(api, first, readsPerReader, healthyTotal)));
            }
            for (Future<Integer> reads : done) {
                assertThat(reads.get(5, TimeUnit.MINUTES)).isEqualTo(readsPerReader);
            }
        } finally {
            readers.shutdownNow();
        }
        double outageSeconds = (System.nanoTime() - outageStart) / 1e9;
        long outageCalls = graph.calls() - callsAtOutage;
        long bound = (long) (200 * MAX_ATTEMPTS * (outageSeconds / MIN_INTERVAL.toSeconds() + 2));
        System.out.printf(
                "[scale] 200 sources, outage %.1f s under %,d reads: %d upstream calls (bound %d),"
                        + " at most %d at once%n",
                outageSeconds, READERS * readsPerReader, outageCalls, bound, graph.mostOpenAtOnce());
        assertThat(outageCalls).as("upstream calls in the outage").isLessThanOrEqualTo(bound);
        assertThat(graph.mostOpenAtOnce()).as("refreshes at once").isLessThanOrEqualTo(CONCURRENCY);
        assertThat(service.process().isAlive()).isTrue();
        assertThat(service.management().get("/actuator/health/liveness").statusCode())
                .isEqualTo(200);
        assertThat(service.output()).doesNotContain("OutOfMemoryError");
    }

    @Test
    void thousandsOfSourcesAllHaveDataSoonAfterStart() throws Exception {
        int sources = Nightly.SOURCES_AT_START.value();
        GraphStandIn graph = started(new GraphStandIn());
        long begin = System.nanoTime();
        PackagedJar service = start(graph, sources);
        ApiClient api = service.api();

        // Only bounds a hang: 10,000 sources took 103 s in the benchmark (docs/performance.md).
        await().atMost(Duration.ofMinutes(3).multipliedBy(Math.max(1, sources / IMAGE_HEAP_SOURCES)))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() ->
                        ApiClient.json(api.get("/api/metrics")).path("total").asLong() == sources * GraphStandIn.COUNT);
        System.out.printf(
                "[scale] %,d sources: all data %.1f s after the process started, %d upstream calls,"
                        + " at most %d at once%n",
                sources, (System.nanoTime() - begin) / 1e9, graph.calls(), graph.mostOpenAtOnce());
        assertThat(graph.mostOpenAtOnce()).as("refreshes at once").isLessThanOrEqualTo(CONCURRENCY);
        JsonNode one = ApiClient.json(api.get("/api/metrics/instagram-" + (17841400000000000L + sources - 1)));
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
        // Past 2,000 sources, the heap docs/container.md sizes 10,000 for; the image's flags otherwise.
        List<String> jvm = sources <= IMAGE_HEAP_SOURCES ? PackagedJar.IMAGE_JVM_FLAGS : List.of("-Xmx384m");
        return started(PackagedJar.start(
                dir,
                jvm,
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
