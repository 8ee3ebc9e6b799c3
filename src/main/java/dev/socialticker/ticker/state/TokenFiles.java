package dev.socialticker.ticker.state;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each used provider's {@code ticker.providers.<name>.token-file}: where its rotated token is kept
 * outside the shared mode, and, in the shared mode, read once to carry a token rotated before on.
 */
public final class TokenFiles {
    private TokenFiles() {}

    public static Map<String, Path> of(SourceCatalog catalog, ProviderProperties providers) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String provider :
                catalog.all().stream().map(TickerSource::provider).distinct().toList()) {
            Path file = providers.of(provider).tokenFile();
            if (file != null && !file.toString().isBlank()) {
                files.put(provider, file.toAbsolutePath());
            }
        }
        return files;
    }
}
