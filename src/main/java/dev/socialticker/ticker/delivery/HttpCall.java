package dev.socialticker.ticker.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * One HTTP request a delivery makes (an output's push, a channel's message), put on the exchange for
 * the route's one camel-http call: {@code toD("${exchangeProperty.TickerHttpEndpoint}")}.
 *
 * @param headers request headers, besides Content-Type
 * @param body    null for a request without a body
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, String contentType, byte[] body) {
    /** The camel-http endpoint of the call (exchange property): scheme, authority and timeouts. */
    public static final String ENDPOINT = "TickerHttpEndpoint";

    /** The route's step after the request is set: the one call. */
    public static final String CALL = "${exchangeProperty." + ENDPOINT + "}";

    /**
     * Sets method, headers and body on the message, the URL as {@code CamelHttpUri} (its query as
     * {@code CamelHttpQuery}) and the endpoint aside: scheme, host and port only, so the URL's user
     * info, path and query (where a webhook's secret or a bot's token lives) never stand in an endpoint
     * URI that Camel logs, lists or keeps in its cache; every timeout bounded by {@code timeout}.
     */
    public void applyTo(Exchange exchange, Duration timeout) {
        Message message = exchange.getIn();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, method);
        headers.forEach(message::setHeader);
        if (contentType != null) {
            message.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        message.setBody(body);
        // User info in a URL is Basic authentication (as curl reads it): the HTTP client refuses a
        // request URI that carries it, so it travels as the header instead, and never in the URI.
        if (uri.getRawUserInfo() != null && !headers.containsKey("Authorization")) {
            message.setHeader(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(uri.getUserInfo().getBytes(StandardCharsets.UTF_8)));
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        message.setHeader(Exchange.HTTP_URI, uri.getScheme() + "://" + uri.getHost() + port + uri.getRawPath());
        if (uri.getRawQuery() != null) {
            message.setHeader(Exchange.HTTP_QUERY, uri.getRawQuery());
        }
        long millis = timeout.toMillis();
        // Timeouts on the request configuration (see provider.http.HttpTimeouts for why there).
        exchange.setProperty(
                ENDPOINT,
                uri.getScheme() + "://" + uri.getHost() + port + "?httpClient.connectTimeout="
                        + millis + "&httpClient.responseTimeout=" + millis
                        + "&httpClient.connectionRequestTimeout=" + millis);
    }
}
