package dev.socialticker.ticker.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real MQTT broker (Debian's {@code mosquitto}) on a free loopback port, in memory only (no
 * persistence: a restart forgets retained messages, as a broker without a volume does). Anonymous
 * by default; {@link #startWithPassword} makes one that takes a single user from a password file
 * written by {@code mosquitto_passwd}. It can be stopped and started again on the same port.
 */
public final class MosquittoBroker implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final String CLIENTS = "mosquitto-clients (Debian package mosquitto-clients)";

    private final int port = LocalPorts.free();
    private final Path dir;
    private final Path config;
    /** The one user of a broker with passwords: its own subscriptions log in as it. */
    private final List<String> login;

    private Process process;

    private MosquittoBroker(Path dir, Path config, List<String> login) {
        this.dir = dir;
        this.config = config;
        this.login = login;
    }

    /** An anonymous broker, or a skip (a failure in CI) when the machine has no mosquitto. */
    public static MosquittoBroker start(String test) {
        return start(test, null, null, List.of());
    }

    /**
     * An anonymous broker with more lines of mosquitto.conf, e.g. {@code max_inflight_messages 2},
     * which mosquitto also sends MQTT 5 clients as its Receive Maximum.
     */
    public static MosquittoBroker startWith(String test, String... settings) {
        return start(test, null, null, List.of(settings));
    }

    /** A broker that refuses anonymous clients and takes {@code user} with {@code password}. */
    public static MosquittoBroker startWithPassword(String test, String user, String password) {
        return start(test, user, password, List.of());
    }

    private static MosquittoBroker start(String test, String user, String password, List<String> settings) {
        RequiredTool.require(Files.isExecutable(BINARY), test, "mosquitto (Debian package mosquitto) at " + BINARY);
        Path dir;
        try {
            dir = Files.createTempDirectory("mosquitto-test");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make mosquitto's folder", e);
        }
        MosquittoBroker broker = new MosquittoBroker(
                dir, dir.resolve("mosquitto.conf"), user == null ? List.of() : List.of("-u", user, "-P", password));
        try {
            broker.configure(test, user, password, settings);
            broker.startAgain();
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    private void configure(String test, String user, String password, List<String> settings) {
        List<String> lines = new ArrayList<>(List.of(
                "listener " + port + " 127.0.0.1",
                "persistence false",
                "log_dest stderr",
                "log_type error",
                // Run as root, mosquitto would switch to its own user, who cannot read our
                // temporary folder (its password file); as anyone else this line does nothing.
                "user " + System.getProperty("user.name")));
        if (user == null) {
            lines.add("allow_anonymous true");
        } else {
            Path passwords = dir.resolve("passwords");
            Path tool = RequiredTool.find("mosquitto_passwd", "/usr/bin/mosquitto_passwd")
                    .orElse(null);
            RequiredTool.require(tool != null, test, "mosquitto_passwd (Debian package mosquitto)");
            run(List.of(tool.toString(), "-b", "-c", passwords.toString(), user, password));
            lines.add("allow_anonymous false");
            lines.add("password_file " + passwords);
        }
        lines.addAll(settings);
        try {
            Files.write(config, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mosquitto's configuration", e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker (again) on its port, with nothing retained. */
    public void startAgain() {
        try {
            process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + BINARY, e);
        }
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                // Refused until it listens; an exit is not waited out but reported with its log.
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(this::acceptsConnections);
    }

    /** Kills the broker at once, as a crash or a network cut looks to its clients. */
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

    /**
     * What an operator sees with {@code mosquitto_sub -C 1 -t <topic> -v}: the first message on the
     * topic (a retained one at once), as "topic payload"; waits at most {@code seconds}.
     */
    public String subscribeOnce(String test, String topic, int seconds) {
        return subscribeOnce(test, topic, seconds, "-v");
    }

    /**
     * As {@link #subscribeOnce(String, String, int)}, with {@code mosquitto_sub}'s own options in
     * place of {@code -v}: {@code -V 5 -F "%E %p"} prints an MQTT 5 message's remaining expiry
     * interval (in seconds; nothing without one) and its payload. Without {@code -V} it speaks MQTT 3.1.1, as
     * an AWTRIX clock does.
     */
    public String subscribeOnce(String test, String topic, int seconds, String... options) {
        Path tool = RequiredTool.find("mosquitto_sub", "/usr/bin/mosquitto_sub").orElse(null);
        RequiredTool.require(tool != null, test, "mosquitto_sub from " + CLIENTS);
        List<String> command = new ArrayList<>(List.of(
                tool.toString(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-t",
                topic,
                "-C",
                "1",
                "-W",
                String.valueOf(seconds)));
        command.addAll(List.of(options));
        command.addAll(login);
        return run(command).strip();
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is no reason to fail a test.
        }
    }

    private boolean acceptsConnections() throws IOException {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        }
    }

    private static String run(List<String> command) {
        try {
            Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!tool.waitFor(30, TimeUnit.SECONDS) || tool.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
