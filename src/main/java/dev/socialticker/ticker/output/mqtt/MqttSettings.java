package dev.socialticker.ticker.output.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where and how the mqtt output reaches its broker. The outputs framework binds it from the output
 * file's parameters and the secret {@code ticker.outputs.<name>.*} properties; a wrong value is
 * refused here, naming the parameter, and never echoing the password.
 *
 * @param url             the broker, {@code tcp://host:port} ({@code ssl://} for TLS); no user or
 *                        password in it
 * @param username        null for an anonymous broker
 * @param password        from properties only; never logged, never in {@link #toString()}
 * @param clientId        the MQTT client id; each instance needs its own (a broker drops the older
 *                        of two connections with the same id); default {@code social-ticker-<random>}
 * @param baseTopic       the prefix of the state and status topics; default {@code social-ticker}
 * @param discoveryPrefix Home Assistant's discovery prefix; default {@code homeassistant}
 * @param nodeId          the node id in the discovery topics and the device's identifier; default
 *                        {@code social-ticker}
 * @param timeout         how long a connect or a publish may take before it fails; default 5 s
 */
public record MqttSettings(
        String url,
        String username,
        String password,
        String clientId,
        String baseTopic,
        String discoveryPrefix,
        String nodeId,
        Duration timeout) {

    public static final String DEFAULT_BASE_TOPIC = "social-ticker";
    public static final String DEFAULT_DISCOVERY_PREFIX = "homeassistant";
    public static final String DEFAULT_NODE_ID = "social-ticker";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");
    /** Home Assistant's rule for the node id and object id levels of a discovery topic. */
    private static final Pattern DISCOVERY_ID = Pattern.compile("[a-zA-Z0-9_-]+");
    /** The MQTT spec caps a client id at 23 characters only for v3.1; Mosquitto takes longer ones. */
    private static final Pattern CLIENT_ID = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");

    public MqttSettings {
        url = blankToNull(url);
        if (url == null) {
            throw new IllegalArgumentException("url: the broker's address is required, e.g. tcp://broker.local:1883");
        }
        checkUrl(url);
        username = blankToNull(username);
        password = password == null || password.isEmpty() ? null : password;
        if (password != null && username == null) {
            throw new IllegalArgumentException("password is set but username is not: MQTT sends no password alone");
        }
        clientId = blankToNull(clientId);
        if (clientId == null) {
            clientId = "social-ticker-" + UUID.randomUUID().toString().substring(0, 8);
        } else if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("clientId: 1 to 64 of [a-zA-Z0-9_.-], not '" + clientId + "'");
        }
        baseTopic = topicPrefix("baseTopic", baseTopic, DEFAULT_BASE_TOPIC);
        discoveryPrefix = topicPrefix("discoveryPrefix", discoveryPrefix, DEFAULT_DISCOVERY_PREFIX);
        nodeId = blankToNull(nodeId) == null ? DEFAULT_NODE_ID : nodeId;
        if (!DISCOVERY_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException(
                    "nodeId: only [a-zA-Z0-9_-] (Home Assistant's rule for a discovery topic), not '" + nodeId + "'");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("timeout: more than 0 and at most 1 minute, not " + timeout);
        }
    }

    /** An anonymous connection to {@code url} with every other setting at its default. */
    public static MqttSettings of(String url) {
        return new MqttSettings(url, null, null, null, null, null, null, null);
    }

    public MqttSettings withCredentials(String user, String secret) {
        return new MqttSettings(url, user, secret, clientId, baseTopic, discoveryPrefix, nodeId, timeout);
    }

    public MqttSettings withClientId(String id) {
        return new MqttSettings(url, username, password, id, baseTopic, discoveryPrefix, nodeId, timeout);
    }

    public MqttSettings withTimeout(Duration limit) {
        return new MqttSettings(url, username, password, clientId, baseTopic, discoveryPrefix, nodeId, limit);
    }

    /** Without the password (a record's own toString would print it). */
    @Override
    public String toString() {
        return "MqttSettings[url=" + url + ", username=" + username + ", password="
                + (password == null ? "none" : "****") + ", clientId=" + clientId + ", baseTopic=" + baseTopic
                + ", discoveryPrefix=" + discoveryPrefix + ", nodeId=" + nodeId + ", timeout=" + timeout + "]";
    }

    /**
     * The broker as logs and errors name it: scheme, host and port, never the URL's path or query (a
     * WebSocket broker's path may carry a token).
     */
    public String broker() {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // The message names the position only: a mistyped value may hold a password.
            throw new IllegalArgumentException("url: not a URI (" + e.getReason() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "url: no user or password in the URL; set username, and password as a secret property");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("url: tcp://host:port (or ssl://, ws://, wss://), not '" + url + "'");
        }
    }

    private static String topicPrefix(String name, String value, String fallback) {
        String prefix = blankToNull(value) == null ? fallback : value;
        if (prefix.contains("+") || prefix.contains("#") || prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException(
                    name + ": a topic without wildcards (+, #) or a leading or trailing '/', not '" + prefix + "'");
        }
        return prefix;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
