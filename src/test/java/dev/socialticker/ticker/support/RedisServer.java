package dev.socialticker.ticker.support;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis (Debian's {@code redis-server}) on a free loopback port, in memory only, for the
 * shared-mode tests; it can be stopped and started again on the same port, as an outage does.
 */
public final class RedisServer implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port = LocalPorts.free();
    private Process process;

    /** Starts a server, or skips (fails in CI) when the machine has no redis-server. */
    public static RedisServer start(String test) {
        RequiredTool.require(
                Files.isExecutable(BINARY), test, "redis-server (Debian package redis-server) at " + BINARY);
        RedisServer server = new RedisServer();
        server.startAgain();
        return server;
    }

    public int port() {
        return port;
    }

    /** Starts the server (again) on its port, with an empty dataset. */
    public void startAgain() {
        try {
            process = new ProcessBuilder(
                            BINARY.toString(),
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--daemonize",
                            "no",
                            "--loglevel",
                            "warning")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + BINARY, e);
        }
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> "+PONG".equals(command("PING")));
    }

    /** Stops the server at once, as a crash or a network cut would look to its clients. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Sends one command (words without spaces) and returns the first line of the answer. */
    public String command(String... words) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2_000);
            StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
            for (String word : words) {
                request.append('$')
                        .append(word.getBytes(StandardCharsets.UTF_8).length)
                        .append("\r\n")
                        .append(word)
                        .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String first = in.readLine();
            // A bulk string: its value is on the next line.
            return first != null && first.startsWith("$") && !first.equals("$-1") ? in.readLine() : first;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
