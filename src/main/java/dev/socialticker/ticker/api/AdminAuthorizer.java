package dev.socialticker.ticker.api;

import dev.socialticker.ticker.logging.SecretMasking;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Lets an admin call through only with {@code Authorization: Bearer <ticker.admin.token>}. The
 * comparison takes the same time whatever the token's prefix, so timing reveals nothing. A token
 * anyone could guess was refused at start-up ({@link ApiProperties#check}).
 */
@Component
class AdminAuthorizer implements Processor {
    private static final String PREFIX = "Bearer ";
    private final byte[] expected;

    AdminAuthorizer(ApiProperties properties) {
        String token = properties.admin().enabled() ? properties.admin().token() : "";
        SecretMasking.register(token);
        this.expected = token.getBytes(StandardCharsets.UTF_8);
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
