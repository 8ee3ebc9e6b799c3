package dev.socialticker.ticker.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/** Upstream payloads kept under {@code src/test/resources/providers/<provider>/}, each naming its doc. */
public final class Fixtures {
    private Fixtures() {}

    /** The upstream's answer with this status and the fixture as its JSON body, for a WireMock stub. */
    public static ResponseDefinitionBuilder answer(int status, String provider, String name) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(read(provider, name));
    }

    public static String read(String provider, String name) {
        try {
            return new ClassPathResource("providers/" + provider + "/" + name)
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
