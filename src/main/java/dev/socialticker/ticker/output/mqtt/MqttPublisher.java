package dev.socialticker.ticker.output.mqtt;

import dev.socialticker.ticker.logging.SecretMasking;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT connection for one mqtt output: connects on the first publish, and after any failure
 * connects afresh on the next. A publish returns or fails within the settings' timeout, connect
 * included (plus up to a second to close a failed connection), so a dead broker never holds the
 * caller longer. Thread-safe: publishes from several threads share the connection; one of them
 * connects while the others wait, within their own timeout.
 *
 * <p><b>Why the Paho client and not Camel's component.</b> {@code camel-paho-mqtt5} (and
 * {@code camel-paho}) are published for Camel 4.17.0 but not for 4.18, the line this service runs
 * on; a 4.17 component on 4.18 core would be a mix no one tests. Its work for us is small (connect,
 * publish, Last Will), so Eclipse Paho's MQTT v5 client ({@code org.eclipse.paho.mqttv5.client}
 * 1.2.5, the library that component wraps) is used directly behind this class; the outputs
 * framework calls it from its route like any other bean. When a 4.18 component is served, a route
 * can switch to it without changing the messages ({@link MqttMessages}).
 *
 * <p>What it does on the wire:
 *
 * <ul>
 *   <li>MQTT 5, clean start, no session kept: a restarted service publishes the newest values, so
 *       a backlog of old ones would only be replayed noise;
 *   <li>Paho's own automatic reconnect and offline buffer are off: a message is either
 *       acknowledged within the timeout or the caller is told, and its retries and dead letter
 *       decide what next;
 *   <li>Last Will {@code <base>/status = offline} (retained), and {@code online} (retained) right
 *       after each connect; a clean {@link #close()} publishes {@code offline} itself (a Will is
 *       only sent for a connection lost, not for a disconnect);
 *   <li>no more publishes in flight than the broker's Receive Maximum (mosquitto: 20): a publish
 *       beyond it waits, within its timeout, for one to be acknowledged ({@link Connection}).
 * </ul>
 *
 * <p>The password is registered with {@link SecretMasking} and never written into a message,
 * a log line or {@link MqttSettings#toString()}.
 */
public final class MqttPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);
    /** QoS of the status messages: at least once, so "online" is not lost on a busy broker. */
    private static final int STATUS_QOS = 1;

    private final MqttSettings settings;
    private final long timeoutMillis;
    private final ReentrantLock connecting = new ReentrantLock();
    private final AtomicReference<Connection> current = new AtomicReference<>();
    /** Retained messages sent on the current connection ({@link #publishOnce}); emptied on each connect. */
    private final Map<String, String> sentOnThisConnection = new ConcurrentHashMap<>();

    private volatile boolean closed;

    public MqttPublisher(MqttSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timeoutMillis = settings.timeout().toMillis();
        SecretMasking.register(settings.password());
    }

    public MqttSettings settings() {
        return settings;
    }

    /** True while a connection is open (the next publish will not need to connect). */
    public boolean isConnected() {
        Connection connection = current.get();
        return connection != null && connection.isOpen();
    }

    /**
     * Publishes one message, connecting first when needed, and returns once the broker has it
     * (QoS 1 and 2: acknowledged; QoS 0: written to the connection).
     *
     * @throws MqttPublishException when it could not be published within the timeout (connect
     *     included); the next call connects afresh
     */
    public void publish(String topic, byte[] payload, int qos, boolean retained) {
        publish(topic, payload, qos, retained, null);
    }

    /** As {@link #publish(String, byte[], int, boolean)}, expiring after {@code expiry} (null: never). */
    private void publish(String topic, byte[] payload, int qos, boolean retained, Duration expiry) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos is 0, 1 or 2, not " + qos);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Connection connection = connected(deadline);
        try {
            connection.send(topic, payload, qos, retained, expiry, deadline);
        } catch (MqttException e) {
            // Whatever went wrong, the connection is not trusted any more: a message it still holds
            // could arrive after a newer one sent on the next connection.
            discard(connection);
            throw failure("publish to " + topic + " at " + settings.broker(), e);
        }
    }

    public void publish(MqttPublication message, int qos) {
        publish(message.topic(), message.bytes(), qos, message.retained(), message.expiry());
    }

    /**
     * Publishes a retained message unless the same one was already sent on this connection: for
     * Home Assistant's discovery config, which need not be re-sent with every count, but must be
     * sent again after a reconnect (a broker restarted without persistence forgot it).
     *
     * @return whether it was sent now
     */
    public boolean publishOnce(MqttPublication message, int qos) {
        if (!message.retained()) {
            throw new IllegalArgumentException("publishOnce is for retained messages");
        }
        if (isConnected() && message.payload().equals(sentOnThisConnection.get(message.topic()))) {
            return false;
        }
        publish(message, qos);
        sentOnThisConnection.put(message.topic(), message.payload());
        return true;
    }

    /** Publishes {@code offline}, disconnects and frees the client's threads; later publishes fail. */
    @Override
    public void close() {
        closed = true;
        Connection connection = current.getAndSet(null);
        if (connection == null) {
            return;
        }
        try {
            if (connection.isOpen()) {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
                MqttPublication offline = MqttMessages.offline(settings);
                connection.send(offline.topic(), offline.bytes(), STATUS_QOS, true, null, deadline);
                connection.client.disconnect(timeoutMillis).waitForCompletion(remaining(deadline));
            }
        } catch (MqttException e) {
            log.warn(
                    "MQTT: leaving {} uncleanly ({}); the broker publishes the Last Will",
                    settings.broker(),
                    reason(e));
        } finally {
            release(connection.client);
        }
    }

    /**
     * Drops the connection without a DISCONNECT, as a crash or a cut cable looks to the broker,
     * which then publishes the Last Will. For tests of what subscribers see.
     */
    void dropConnectionUncleanly() {
        Connection connection = current.getAndSet(null);
        if (connection != null) {
            release(connection.client);
        }
    }

    /** How many publishes the current connection lets be in flight at once (the broker's Receive Maximum). */
    int window() {
        Connection connection = current.get();
        return connection == null ? 0 : connection.window;
    }

    private Connection connected(long deadline) {
        if (closed) {
            throw new MqttPublishException("MQTT publisher for " + settings.broker() + " is closed");
        }
        Connection connection = current.get();
        if (connection != null && connection.isOpen()) {
            return connection;
        }
        boolean locked;
        try {
            locked = connecting.tryLock(remaining(deadline), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttPublishException("MQTT connect to " + settings.broker() + " interrupted");
        }
        if (!locked) {
            throw new MqttTimeoutException("MQTT connect to " + settings.broker() + " still in progress after "
                    + settings.timeout().toMillis() + " ms (another publish is connecting)");
        }
        try {
            connection = current.get();
            if (connection != null && connection.isOpen()) {
                return connection;
            }
            if (connection != null) {
                discard(connection);
            }
            Connection fresh = connect(deadline);
            sentOnThisConnection.clear();
            current.set(fresh);
            return fresh;
        } finally {
            connecting.unlock();
        }
    }

    private Connection connect(long deadline) {
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw failure("MQTT client for " + settings.broker(), e);
        }
        client.setCallback(new ConnectionLog());
        try {
            IMqttToken connected = client.connect(options());
            connected.waitForCompletion(remaining(deadline));
            Connection connection = new Connection(client, receiveMaximum(connected));
            MqttPublication online = MqttMessages.online(settings);
            connection.send(online.topic(), online.bytes(), STATUS_QOS, true, null, deadline);
            log.info(
                    "MQTT: connected to {} as {} (in-flight window {})",
                    settings.broker(),
                    settings.clientId(),
                    connection.window);
            return connection;
        } catch (MqttException e) {
            release(client);
            throw failure("connect to " + settings.broker() + " as " + settings.clientId(), e);
        }
    }

    /** The broker's Receive Maximum from its CONNACK; MQTT 5 (3.2.2.3.3) makes it 65,535 when absent. */
    private static int receiveMaximum(IMqttToken connected) {
        MqttProperties properties = connected.getResponseProperties();
        Integer maximum = properties == null ? null : properties.getReceiveMaximum();
        return maximum == null ? 65_535 : maximum;
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(false);
        // Paho counts whole seconds; the wait on the token holds the exact limit.
        options.setConnectionTimeout((int) Math.max(1, (timeoutMillis + 999) / 1000));
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        MqttPublication offline = MqttMessages.offline(settings);
        MqttMessage will = new MqttMessage(offline.bytes());
        will.setQos(STATUS_QOS);
        will.setRetained(true);
        options.setWill(offline.topic(), will);
        return options;
    }

    /**
     * What is left of a call's time, at least 1 ms: Paho waits forever on 0, and a wait that
     * starts late still gets its answer if it is already there.
     */
    private static long remaining(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    /** Forgets a connection (unless another thread already replaced it) and closes it. */
    private void discard(Connection connection) {
        current.compareAndSet(connection, null);
        release(connection.client);
    }

    /** Closes the socket without a DISCONNECT and frees the client's threads; never throws. */
    private void release(MqttAsyncClient client) {
        try {
            client.disconnectForcibly(0, Math.min(timeoutMillis, 1_000), false);
        } catch (MqttException | RuntimeException e) {
            // Not connected (a connect that failed): nothing to cut.
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            log.debug("MQTT: closing the client for {}: {}", settings.broker(), reason(e));
        }
    }

    private MqttPublishException failure(String what, MqttException e) {
        String message = SecretMasking.mask("MQTT " + what + " failed: " + reason(e));
        // Named so the outputs' failure codes read TIMEOUT, as for an HTTP output that did not answer.
        return e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_TIMEOUT
                ? new MqttTimeoutException(message, e)
                : new MqttPublishException(message, e);
    }

    /** Paho's words for the reason code, and the cause's (e.g. "Connection refused"). */
    private static String reason(Exception e) {
        StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()));
        if (e instanceof MqttException mqtt) {
            reason.append(" (reason code ").append(mqtt.getReasonCode()).append(')');
        }
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !cause.getMessage().equals(e.getMessage())) {
            reason.append(": ").append(cause.getMessage());
        }
        return reason.toString();
    }

    /**
     * A connected client and its flow control. Written by hand because Paho's own does not hold:
     * Paho 1.2.5 wakes a caller waiting on a publish's token (its receiver thread) before its
     * callback thread takes the publish off its in-flight count, and refuses a new publish once
     * that count reaches the broker's Receive Maximum ("Too many publishes in progress", 32202)
     * instead of queueing it. A few threads publishing in a row on a busy machine outran the
     * callback thread and hit that. So a publish here waits for its action listener, which Paho
     * calls on the callback thread after it has updated the count, and takes a permit of a
     * window one smaller than the Receive Maximum first: for QoS 0, Paho queues the listener
     * before it lowers the count, so one such publish may still be counted when its permit is
     * back.
     */
    private static final class Connection {
        final MqttAsyncClient client;
        final int window;
        private final Semaphore permits;

        Connection(MqttAsyncClient client, int receiveMaximum) {
            this.client = client;
            this.window = Math.max(1, receiveMaximum - 1);
            this.permits = new Semaphore(window, true);
        }

        boolean isOpen() {
            return client.isConnected();
        }

        /**
         * Sends one message and returns once Paho is done with it (acknowledged, or written for QoS 0).
         *
         * @param expiry its Message Expiry Interval; null for none
         */
        void send(String topic, byte[] payload, int qos, boolean retained, Duration expiry, long deadline)
                throws MqttException {
            try {
                if (!permits.tryAcquire(remaining(deadline), TimeUnit.MILLISECONDS)) {
                    throw new MqttException(MqttClientException.REASON_CODE_CLIENT_TIMEOUT);
                }
            } catch (InterruptedException e) {
                throw interrupted(topic);
            }
            Delivery delivery = new Delivery(permits);
            try {
                MqttProperties properties = new MqttProperties();
                if (expiry != null) {
                    properties.setMessageExpiryInterval(expiry.toSeconds());
                }
                client.publish(topic, new MqttMessage(payload, qos, retained, properties), null, delivery);
            } catch (MqttException e) {
                delivery.release();
                throw e;
            } catch (RuntimeException e) {
                // Paho throws a NullPointerException when another thread closed the client meanwhile.
                delivery.release();
                throw new MqttException(MqttClientException.REASON_CODE_CLIENT_CLOSED, e);
            }
            delivery.await(topic, deadline);
        }
    }

    /**
     * A publish given up because its thread was interrupted (the service stopping): the connection
     * is kept, as nothing went wrong with it, and a message already sent is still acknowledged.
     */
    private static MqttPublishException interrupted(String topic) {
        Thread.currentThread().interrupt();
        return new MqttPublishException("MQTT publish to " + topic + " interrupted");
    }

    /** The end of one publish, told by Paho's callback thread; gives its permit back once. */
    private static final class Delivery implements MqttActionListener {
        private final Semaphore permits;
        private final AtomicBoolean released = new AtomicBoolean();
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Delivery(Semaphore permits) {
            this.permits = permits;
        }

        @Override
        public void onSuccess(IMqttToken token) {
            release();
            done.complete(null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
            release();
            done.completeExceptionally(failure);
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }

        void await(String topic, long deadline) throws MqttException {
            try {
                done.get(remaining(deadline), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Left counted: the connection is discarded, and with it its window.
                throw new MqttException(MqttClientException.REASON_CODE_CLIENT_TIMEOUT);
            } catch (InterruptedException e) {
                throw interrupted(topic);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof MqttException mqtt ? mqtt : new MqttException(e.getCause());
            }
        }
    }

    /** Logs what the broker does to the connection; nothing here reconnects (the next publish does). */
    private final class ConnectionLog implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!closed) {
                log.warn(
                        "MQTT: connection to {} lost ({}); the next publish reconnects",
                        settings.broker(),
                        response.getException() != null ? reason(response.getException()) : response.getReasonString());
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("MQTT: error from {}: {}", settings.broker(), reason(exception));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // Publishes only; subscribes to nothing.
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
