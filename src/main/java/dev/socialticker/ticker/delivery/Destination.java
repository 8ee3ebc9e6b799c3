package dev.socialticker.ticker.delivery;

import java.net.URI;
import java.util.Locale;

/**
 * Where a delivery goes, as a failure may name it: what it is, its host and its port, and the
 * setting that configures it. Never a URL's path, query or user info: a webhook's secret lives in
 * its path (Slack, Discord, a Teams workflow), a token in a query, a password in user info.
 *
 * @param what    how the destination is named before its address ("the webhook", "the output 'x'");
 *                null to name it by its address alone (a mail server)
 * @param host    its host, or "?" when the configured address has none
 * @param port    its port (the scheme's when the address names none), or -1 when unknown
 * @param setting the setting to check when the host is unknown ({@code ticker.alerts.slack.webhook-url},
 *                an output file's parameter)
 */
public record Destination(String what, String host, int port, String setting) {
    /** How a file's parameter is named as a setting: {@code the parameter url of output 'office'}. */
    public static final String PARAMETER = "the parameter ";

    /** A destination named by a URL, of which only the host and the port are kept. */
    public static Destination of(String what, String url, String setting) {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url.strip());
        } catch (IllegalArgumentException unparsable) {
            uri = null; // named without an address rather than by a string that may hold a secret
        }
        return of(what, uri, setting);
    }

    /** A destination named by a URI, of which only the host and the port are kept. */
    public static Destination of(String what, URI uri, String setting) {
        if (uri == null || uri.getHost() == null) {
            return new Destination(what, "?", -1, setting);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
        return new Destination(what, uri.getHost(), port, setting);
    }

    /** A server named by its address alone (a mail server): {@code host:port}. */
    public static Destination server(String host, int port, String setting) {
        return new Destination(null, host, port, setting);
    }

    /** {@code host:port}. */
    public String where() {
        return port < 0 ? host : host + ":" + port;
    }

    /** How a failure names it: "the webhook at hooks.example.com:443", or "smtp.example.com:587". */
    public String named() {
        return what == null ? where() : what + " at " + where();
    }

    /** How a failure names it when its address adds nothing (an answer came from it): "the webhook". */
    public String said() {
        return what == null ? where() : what;
    }

    /**
     * A setting beside {@link #setting}: {@code ticker.alerts.email.host} → {@code ticker.alerts.email.<leaf>};
     * a file's parameter {@code the parameter host of channel 'mail'} → {@code the parameter <leaf> of channel 'mail'}.
     */
    public String sibling(String leaf) {
        if (setting.startsWith(PARAMETER)) {
            int end = setting.indexOf(' ', PARAMETER.length());
            return PARAMETER + leaf + (end < 0 ? "" : setting.substring(end));
        }
        int dot = setting.lastIndexOf('.');
        return dot < 0 ? leaf : setting.substring(0, dot + 1) + leaf;
    }

    /** How to set a setting beside it: {@code ticker.alerts.email.starttls=false}, or {@code the parameter starttls of channel 'mail' to false}. */
    public String set(String leaf, String value) {
        return sibling(leaf) + (setting.startsWith(PARAMETER) ? " to " : "=") + value;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme == null ? "" : scheme.toLowerCase(Locale.ROOT)) {
            case "https", "wss" -> 443;
            case "http", "ws" -> 80;
            case "mqtt", "tcp" -> 1883;
            case "mqtts", "ssl" -> 8883;
            case "smtp" -> 25;
            default -> -1;
        };
    }
}
