package dev.socialticker.ticker.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything under {@code ticker.*}. Bound and validated once at start-up, so a bad value stops the
 * service with a message naming the property instead of failing later at the first refresh.
 */
@Validated
@ConfigurationProperties("ticker")
public record TickerProperties(
        @Valid List<Source> sources,
        @Valid @NotNull @DefaultValue Refresh refresh,
        Map<String, @Valid Provider> providers,
        @Valid @NotNull @DefaultValue Ui ui,
        @Valid @NotNull @DefaultValue Cors cors,
        @Valid @NotNull @DefaultValue Admin admin,
        @Valid @NotNull @DefaultValue Routes routes,
        @Valid @NotNull @DefaultValue Store store) {

    /** Source ids must be safe in URLs, metric tags and log lines. */
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    public TickerProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    /** Settings of one provider, with built-in defaults when the provider has no entry at all. */
    public Provider provider(String name) {
        Provider configured = providers.get(name);
        return configured != null ? configured : Provider.DEFAULTS;
    }

    /** One configured account; {@code id} is optional and derived from provider and account. */
    public record Source(
            @Pattern(regexp = ID_PATTERN, message = "must match " + ID_PATTERN) String id,
            @NotBlank(message = "is required (for example instagram or demo)") String provider,
            @NotBlank(message = "is required (the account at the provider)") String account) {
    }

    public record Refresh(
            @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("60s") Duration period,
            // Optional: null means two refresh periods.
            @DurationMin(millis = 1, message = "must be greater than 0") Duration staleAfter,
            @DurationMin(nanos = 0, message = "must not be negative") @DefaultValue("30s") Duration minInterval,
            // Delay before the first scheduled refresh; 0 shows data right after start.
            @DurationMin(nanos = 0, message = "must not be negative") @DefaultValue("0s") Duration initialDelay,
            @Valid @NotNull @DefaultValue Retry retry) {

        public Duration effectiveStaleAfter() {
            return staleAfter != null ? staleAfter : period.multipliedBy(2);
        }
    }

    /** Retries of transient failures (5xx, connection refused, timeouts) within one refresh. */
    public record Retry(
            @Min(value = 1, message = "must be at least 1") @DefaultValue("3") int maxAttempts,
            @DurationMin(nanos = 0, message = "must not be negative") @DefaultValue("1s") Duration backoff,
            @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("30s") Duration giveUpAfter) {
    }

    /** Settings the ticker page reads from {@code GET /api/ui-config}. */
    public record Ui(
            // Below 2 s a ticker only adds load: the data changes at most once per refresh period.
            @DurationMin(seconds = 2, message = "must be at least 2s") @DefaultValue("10s") Duration pollInterval,
            @NotBlank(message = "must not be blank") @DefaultValue("Follower count coming soon") String fallbackMessage) {
    }

    /** Origins allowed to embed the ticker (script and API) from another site; none by default. */
    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    /** The admin API is on only when a token is set. */
    public record Admin(String token) {
        public boolean enabled() {
            return token != null && !token.isBlank();
        }

        @Override
        public String toString() {
            return "Admin[token=" + (enabled() ? "****" : "none") + "]";
        }
    }

    /** Where provider route files come from, besides the ones packaged in the jar. */
    public record Routes(
            // Relative paths are resolved against the working directory.
            @NotBlank(message = "must not be blank") @DefaultValue("routes") String dir,
            // Watch the folder and apply changed provider files without a restart.
            @DefaultValue("false") boolean reload) {
    }

    /** Where snapshots live besides the in-memory cache. */
    public record Store(
            // file: durable on this machine (the default); memory: lost on restart; redis: shared by a fleet.
            @NotNull @DefaultValue("file") StoreType type,
            // The file store's folder; relative paths are resolved against the working directory.
            @NotBlank(message = "must not be blank") @DefaultValue("data") String dir,
            // Prefix of every Redis key and channel of the shared mode: lets fleets share one Redis.
            @Pattern(regexp = KEY_PREFIX_PATTERN, message = "must match " + KEY_PREFIX_PATTERN)
            @DefaultValue("ticker:") String keyPrefix) {
    }

    /** Printable, no spaces: a prefix ends up in every key an operator types into redis-cli. */
    public static final String KEY_PREFIX_PATTERN = "[A-Za-z0-9:_.{}-]{1,64}";

    public enum StoreType { FILE, MEMORY, REDIS }

    /**
     * The typed settings of one provider. Credentials and other free-form settings
     * ({@code ticker.providers.<name>.access-token}, {@code api-key}...) are read by name when a
     * provider file asks for them, never bound here.
     */
    public record Provider(
            URI baseUrl,
            @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("5s") Duration connectTimeout,
            @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("10s") Duration readTimeout) {

        static final Provider DEFAULTS = new Provider(null, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
