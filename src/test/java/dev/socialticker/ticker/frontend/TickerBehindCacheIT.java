package dev.socialticker.ticker.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.LocalPorts;
import dev.socialticker.ticker.support.Nightly;
import dev.socialticker.ticker.support.PackagedJar;
import dev.socialticker.ticker.support.RequiredTool;
import dev.socialticker.ticker.support.SharedMachine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The ticker page behind a real caching proxy: Debian's nginx running the README's example
 * ({@code ops/nginx/social-ticker-cache.conf}) in front of the packaged service, and headless
 * Chromium reading the page through nginx. The browser test
 * ({@code frontend/test/browser/ticker.behind-cache.browser.test.mjs}) sees "Live" and nothing else
 * over several cache cycles of the healthy service (3 in the regular build, 30 in the nightly one:
 * {@link Nightly#CACHE_CYCLES}; logging each poll's cache status and the state shown), then stops the service, checks nginx keeps answering from its cache, and that once the
 * body's {@code staleAt} has passed the page shows the stale state with the count's age, never "Live".
 */
@ResourceLock(value = SharedMachine.TIMELINESS, mode = ResourceAccessMode.READ)
class TickerBehindCacheIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path FRONTEND = Path.of("frontend");
    private static final Path CACHE_CONF = Path.of("ops/nginx/social-ticker-cache.conf");
    private static final Path NGINX =
            RequiredTool.find("nginx", "/usr/sbin/nginx").orElse(null);

    private final List<Process> processes = new ArrayList<>();
    private Path work;

    @Test
    void thePageBehindACacheNeverCallsAnOldCountLive() throws Exception {
        RequiredTool.require(
                Files.isExecutable(CHROMIUM),
                "The behind-a-cache browser test",
                "chromium (Debian package chromium) at " + CHROMIUM);
        RequiredTool.require(NGINX != null, "The behind-a-cache browser test", "nginx (Debian package nginx)");
        RequiredTool.require(
                Files.isDirectory(FRONTEND.resolve("node_modules/playwright-core")),
                "The behind-a-cache browser test",
                "playwright-core in frontend/node_modules (npm ci, run by the Maven build)");
        work = Files.createTempDirectory("ticker-behind-cache");
        Path screenshots =
                Files.createDirectories(Path.of("target", "screenshots").toAbsolutePath());

        int servicePort = LocalPorts.free();
        Process service = startService(servicePort);
        ApiClient direct = new ApiClient(servicePort);
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> direct.get("/api/metrics").statusCode() == 200);
        int cachePort = LocalPorts.free();
        startNginx(cachePort, servicePort);
        ApiClient cached = new ApiClient(cachePort);
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> cached.get("/api/metrics").statusCode() == 200);

        Path output = work.resolve("node.log");
        ProcessBuilder node = new ProcessBuilder("node", "--test", "test/browser/ticker.behind-cache.browser.test.mjs")
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = node.environment();
        env.put("CACHE_URL", "http://127.0.0.1:" + cachePort);
        env.put("SERVICE_URL", "http://127.0.0.1:" + servicePort);
        env.put("SERVICE_PID", String.valueOf(service.pid()));
        env.put("SCREENSHOT_DIR", screenshots.toString());
        int cycles = Nightly.CACHE_CYCLES.value();
        env.put("CACHE_CYCLES", Nightly.CACHE_CYCLES.text());
        Process test = node.start();
        processes.add(test);
        // Only bounds a hung browser: the watch takes about 10 s a cycle, the rest about a minute.
        Duration bound = Duration.ofMinutes(3).plusSeconds(10L * cycles);
        boolean finished = test.waitFor(bound.toSeconds(), TimeUnit.SECONDS);
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(log);
        assertThat(finished)
                .as("browser test finished within %s:%n%s", bound, log)
                .isTrue();
        assertThat(test.exitValue())
                .as("browser test output:%n%s%nnginx error log:%n%s", log, nginxErrors())
                .isZero();
        assertThat(log)
                .as("the browser test ran, not skipped")
                .contains("# pass")
                .doesNotContain("# pass 0");
    }

    /**
     * The packaged jar with the demo source: a fresh count every 5 s, stale 15 s after it was
     * fetched, so max-age ends 5 s before staleAt (half of stale-after less the period).
     */
    private Process startService(int port) throws IOException {
        Path jar = PackagedJar.packagedJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        // What is judged is the page and nginx, not the JVM: the quick start costs half the CPU that
        // the class beside this one would otherwise lose.
        command.addAll(PackagedJar.QUICK_START_FLAGS);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--ticker.store.type=memory",
                "--ticker.refresh.period=5s",
                "--ticker.refresh.stale-after=15s",
                "--ticker.refresh.min-interval=0s",
                "--ticker.ui.poll-interval=2s"));
        return start(new ProcessBuilder(command).directory(work.toFile()), "service.log");
    }

    /** nginx in the foreground, as this user, with every path in the test's folder. */
    private void startNginx(int port, int servicePort) throws IOException {
        Path cache = Files.createDirectories(work.resolve("cache"));
        Path temp = Files.createDirectories(work.resolve("temp"));
        // Worker processes may run as another user (nobody) when the test runs as root.
        for (Path writable : List.of(work, cache, temp)) {
            Files.setPosixFilePermissions(writable, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        String site = Files.readString(CACHE_CONF)
                .replace("/var/cache/nginx/social-ticker", cache.toString())
                .replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + servicePort + ";")
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";");
        assertThat(site)
                .as("the example's paths and ports were all replaced")
                .contains(cache.toString())
                .contains(":" + servicePort + ";")
                .contains(":" + port + ";");
        Files.writeString(work.resolve("social-ticker-cache.conf"), site);
        Files.writeString(work.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    include %1$s/social-ticker-cache.conf;
                }
                """.formatted(work, temp));
        start(
                new ProcessBuilder(
                        NGINX.toString(),
                        "-p",
                        work.toString(),
                        "-c",
                        work.resolve("nginx.conf").toString()),
                "nginx.out");
    }

    private Process start(ProcessBuilder builder, String logName) throws IOException {
        Process process = builder.redirectErrorStream(true)
                .redirectOutput(work.resolve(logName).toFile())
                .start();
        processes.add(process);
        return process;
    }

    private String nginxErrors() throws IOException {
        Path errors = work.resolve("error.log");
        return Files.exists(errors) ? Files.readString(errors) : "(none)";
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (work != null) {
            try (Stream<Path> tree = Files.walk(work)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
