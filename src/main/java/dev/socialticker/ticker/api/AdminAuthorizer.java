package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.TickerConfigurationException;
import dev.socialticker.ticker.logging.SecretMasking;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Lets an admin call through only with {@code Authorization: Bearer <ticker.admin.token>}. The
 * comparison takes the same time whatever the token's prefix, so timing reveals nothing.
 */
@Component
class AdminAuthorizer implements Processor {
    private static final String PREFIX = "Bearer ";
    static final int MIN_TOKEN_LENGTH = 16;
    private final byte[] expected;

    AdminAuthorizer(ApiProperties properties) {
        String token = properties.admin().enabled() ? properties.admin().token() : "";
        check(token);
        SecretMasking.register(token);
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Refuses a token anyone could guess. The messages never quote the value: Boot's own
     * validation report would print it into the log.
     */
    private static void check(String token) {
        if (token.isEmpty()) {
            return;
        }
        if (token.contains("${")) {
            // Spring leaves a placeholder of an unset variable as it is: "${TICKER_ADMIN_TOKEN}" would be the token.
            throw new TickerConfigurationException("ticker.admin.token is a placeholder of an environment variable"
                    + " that is not set (TICKER_ADMIN_TOKEN in the preview profile): set the variable");
        }
        if (token.length() < MIN_TOKEN_LENGTH || token.isBlank()) {
            throw new TickerConfigurationException(
                    "ticker.admin.token must be at least " + MIN_TOKEN_LENGTH
                            + " characters (it guards the admin API; e.g. openssl rand -hex 24), or unset to turn the admin API off");
        }
    }

    @Override
    public void process(Exchange exchange) {
        String header = exchange.getIn().getHeader("Authorization", String.class);
        exchange.getIn().removeHeader("Authorization");
        byte[] presented = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (expected.length == 0 || !MessageDigest.isEqual(expected, presented)) {
            throw new ApiRejection(401, "UNAUTHORIZED", "A valid admin bearer token is required");
        }
    }
}
