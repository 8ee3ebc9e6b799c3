package dev.socialticker.ticker.state;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.TickerSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * Each used provider's {@code ticker.providers.<name>.token-file}: where its rotated token is kept
 * outside the shared mode, and, in the shared mode, read once to carry a token rotated before on.
 */
public final class TokenFiles {
    private TokenFiles() {
    }

    public static Map<String, Path> of(SourceCatalog catalog, Environment environment) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String provider : catalog.all().stream().map(TickerSource::provider).distinct().toList()) {
            String file = environment.getProperty("ticker.providers." + provider + ".token-file");
            if (file != null && !file.isBlank()) {
                files.put(provider, Path.of(file.trim()).toAbsolutePath());
            }
        }
        return files;
    }
}
