package dev.socialticker.ticker.support.oauth;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Keeps Spring Boot's security auto-configuration out of the service's test contexts. Spring
 * Security is on the test class path only because the sign-in tests run a real authorization server
 * ({@link AuthorizationServer}); the service does not ship it, and with it Boot would put every
 * endpoint behind a generated password. Registered in the tests' META-INF/spring.factories, as the
 * service's own {@code RedisOnlyWhenShared} is in the service's.
 */
public class NoSecurityAutoConfiguration implements AutoConfigurationImportFilter {

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = candidate == null
                    || !(candidate.startsWith("org.springframework.boot.autoconfigure.security.")
                            || candidate.startsWith("org.springframework.boot.actuate.autoconfigure.security."));
        }
        return matches;
    }
}
