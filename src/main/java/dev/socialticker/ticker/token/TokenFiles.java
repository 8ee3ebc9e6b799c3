package dev.socialticker.ticker.token;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import dev.socialticker.ticker.state.TokenFileLocations;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Each used provider's {@code ticker.providers.<name>.token-file}: where its rotated token is kept
 * outside the shared mode, and, in the shared mode, read once to carry a token rotated before on.
 */
@Component
public class TokenFiles implements TokenFileLocations {
    private final Map<String, Path> files;

    @Autowired
    TokenFiles(SourceCatalog catalog, ProviderProperties providers) {
        this.files = of(catalog, providers);
    }

    @Override
    public Map<String, Path> byProvider() {
        return files;
    }

    public static Map<String, Path> of(SourceCatalog catalog, ProviderProperties providers) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String provider :
                catalog.all().stream().map(TickerSource::provider).distinct().toList()) {
            Path file = providers.of(provider).tokenFile();
            if (file != null && !file.toString().isBlank()) {
                files.put(provider, file.toAbsolutePath());
            }
        }
        return Map.copyOf(files);
    }
}
