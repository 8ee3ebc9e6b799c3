package dev.socialticker.ticker.state;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where each provider's rotated token is kept outside the shared mode: its {@code token-file}, by
 * provider name. Told by the token feature, which reads the providers' settings: the state
 * repository knows keys and places, not providers.
 */
@FunctionalInterface
public interface TokenFileLocations {
    Map<String, Path> byProvider();
}
