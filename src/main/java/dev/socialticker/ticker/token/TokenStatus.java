package dev.socialticker.ticker.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.AtomicFile;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.TickerConfigurationException;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the service knows of each provider's access token: when it expires
 * ({@code ticker.providers.<name>.token-expires-at}, or learnt from a token refresh), the token a
 * refresh obtained (kept in {@code ticker.providers.<name>.token-file}, readable by the service's
 * user only, and used instead of the configured one from then on), and why the last refresh
 * failed. The alert rule {@code token-expiry} reads it; the token is never logged.
 */
@Component
public class TokenStatus {
    /** The setting a rotated token replaces. */
    public static final String CREDENTIAL = "access-token";
    private static final Logger log = LoggerFactory.getLogger(TokenStatus.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    /** The token file's content. */
    record Stored(String accessToken, Instant expiresAt) {
    }

    private record Known(String token, Instant expiresAt, String refreshProblem) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    public TokenStatus(SourceCatalog catalog, ProviderProperties providers, ObjectMapper json) {
        this.json = json;
        for (String provider : catalog.all().stream().map(TickerSource::provider).distinct().toList()) {
            Instant configured = providers.of(provider).tokenExpiresAt();
            Path file = providers.of(provider).tokenFile();
            Stored stored = null;
            if (file != null && !file.toString().isBlank()) {
                Path path = file.toAbsolutePath();
                files.put(provider, path);
                stored = read(provider, path);
            }
            if (stored != null) {
                known.put(provider, new Known(stored.accessToken(), stored.expiresAt(), null));
            } else if (configured != null) {
                known.put(provider, new Known(null, configured, null));
            }
        }
    }

    /** The token a refresh obtained for the provider, which replaces the configured one. */
    public Optional<String> rotatedToken(String provider) {
        Known token = known.get(provider);
        return token == null ? Optional.empty() : Optional.ofNullable(token.token());
    }

    /** When the provider's token expires; null when not known. */
    public Instant expiresAt(String provider) {
        Known token = known.get(provider);
        return token == null ? null : token.expiresAt();
    }

    /** Why the provider's last token refresh failed; null when it did not (or none was tried). */
    public String refreshProblem(String provider) {
        Known token = known.get(provider);
        return token == null ? null : token.refreshProblem();
    }

    /** Where the provider's refreshed token is kept; empty when token refresh is not set up. */
    public Optional<Path> tokenFile(String provider) {
        return Optional.ofNullable(files.get(provider));
    }

    /** A refresh obtained a new token: kept in the token file (owner-only) and used from now on. */
    void refreshed(String provider, String token, Instant expiresAt) throws IOException {
        Path file = files.get(provider);
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, json.writeValueAsBytes(new Stored(token, expiresAt)));
        // The temporary file was created owner-only already; said again in case a umask or an ACL differs.
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        known.put(provider, new Known(token, expiresAt, null));
    }

    void refreshFailed(String provider, String problem) {
        known.compute(provider, (name, current) -> current == null ? new Known(null, null, problem)
                : new Known(current.token(), current.expiresAt(), problem));
    }

    private Stored read(String provider, Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            Stored stored = json.readValue(file.toFile(), Stored.class);
            if (stored.accessToken() == null || stored.accessToken().isBlank()) {
                throw new IOException("no accessToken");
            }
            log.info("Using the {} token refreshed earlier, from {} (expires at {})", provider, file,
                    stored.expiresAt());
            return stored;
        } catch (IOException unreadable) {
            throw new TickerConfigurationException("ticker.providers." + provider + ".token-file: " + file
                    + " is not a token file written by this service (" + unreadable.getClass().getSimpleName()
                    + "); move it away to start from the configured token");
        }
    }
}
