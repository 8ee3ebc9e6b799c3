package dev.socialticker.ticker.provider;

import dev.socialticker.ticker.config.TickerProperties;

/** Per-provider connect and read timeouts as camel-http endpoint options. */
final class HttpTimeouts {
    private HttpTimeouts() {
    }

    static String endpointOptions(TickerProperties.Provider provider) {
        return "httpConnection.connectTimeout=" + provider.connectTimeout().toMillis()
                + "&httpClient.responseTimeout=" + provider.readTimeout().toMillis();
    }
}
