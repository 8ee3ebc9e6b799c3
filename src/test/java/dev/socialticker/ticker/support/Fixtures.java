package dev.socialticker.ticker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/** Upstream payloads kept under {@code src/test/resources/providers/<provider>/}, each naming its doc. */
public final class Fixtures {
    private Fixtures() {}

    public static String read(String provider, String name) {
        try {
            return new ClassPathResource("providers/" + provider + "/" + name)
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
