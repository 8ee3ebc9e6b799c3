package dev.socialticker.ticker.provider.http;

import dev.socialticker.ticker.provider.contract.ProviderProperties;

/**
 * Per-provider connect and read timeouts as camel-http endpoint options. Both go to the request
 * configuration ({@code httpClient.*}): camel-http binds {@code httpConnection.*} to the socket
 * configuration, which has no connect timeout, and would silently keep its 3-minute default.
 */
final class HttpTimeouts {
    private HttpTimeouts() {}

    static String endpointOptions(ProviderProperties.Provider provider) {
        return "httpClient.connectTimeout=" + provider.connectTimeout().toMillis() + "&httpClient.responseTimeout="
                + provider.readTimeout().toMillis();
    }
}
