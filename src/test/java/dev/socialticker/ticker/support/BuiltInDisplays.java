package dev.socialticker.ticker.support;

import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The built-in provider files' displays, read from routes/&lt;name&gt;.camel.yaml as the service reads
 * them ({@link ProviderDisplay#parse}), for a test that builds a piece without the running service:
 * "GitHub", not a default "Github". A provider without a file gets the defaults, as in the service.
 */
public final class BuiltInDisplays implements ProviderDisplays {
    public static final BuiltInDisplays INSTANCE = new BuiltInDisplays();

    private BuiltInDisplays() {}

    @Override
    public ProviderDisplay of(String provider) {
        Path file = Path.of("routes", provider + ".camel.yaml");
        if (!Files.exists(file)) {
            return ProviderDisplay.defaults(provider);
        }
        try {
            List<Map<String, Map<String, Object>>> routes = new Yaml().load(Files.readString(file));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parameters = (List<Map<String, Object>>)
                    routes.get(0).get("templatedRoute").get("parameters");
            String display = parameters.stream()
                    .filter(parameter -> "display".equals(parameter.get("name")))
                    .map(parameter -> String.valueOf(parameter.get("value")))
                    .findFirst()
                    .orElse(null);
            return ProviderDisplay.parse(provider, display);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
