package dev.socialticker.ticker.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
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
        @Valid @NotNull @DefaultValue Store store,
        @Valid @NotNull @DefaultValue Alerts alerts,
        Map<String, @Valid Ticker> tickers) {

    /** Source ids must be safe in URLs, metric tags and log lines. */
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    public TickerProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
        providers = providers == null ? Map.of() : Map.copyOf(providers);
        tickers = tickers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tickers));
    }

    /**
     * A named ticker ({@code ticker.tickers.<name>}): some of the sources, with a body of their own
     * at {@code GET /api/tickers/<name>}, for a deployment where one body with every source is too
     * much for one page.
     */
    public record Ticker(@NotEmpty(message = "must name at least one source id") List<String> sources) {
        public Ticker {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
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
            @Valid @NotNull @DefaultValue Retry retry,
            // Refreshes running at once, whatever the number of sources: the ceiling on the threads,
            // connections and memory refreshing holds; the others wait their turn, each source once.
            @Min(value = 1, message = "must be at least 1") @Max(value = 256, message = "must be at most 256")
            @DefaultValue("16") int concurrency) {

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

    /** Alert routes: the channels (each optional) and the rules' thresholds (README, "Alerts"). */
    public record Alerts(
            @Valid @NotNull @DefaultValue Slack slack,
            @Valid @NotNull @DefaultValue Email email,
            // A reminder while an incident lasts, at most this often.
            @DurationMin(seconds = 1, message = "must be at least 1s") @DefaultValue("1h") Duration repeatAfter,
            // An incident is over once its condition has stayed clear this long; a relapse within it continues it.
            @DurationMin(nanos = 0, message = "must not be negative") @DefaultValue("5m") Duration resolveAfter,
            // Where the service is reached from outside (named in the messages), e.g. https://ticker.example.com
            URI publicUrl,
            @Valid @NotNull @DefaultValue Rules rules) {
    }

    /** Slack incoming webhook; its URL is a secret (anyone holding it can post to the channel). */
    public record Slack(URI webhookUrl) {
        public boolean enabled() {
            return webhookUrl != null;
        }

        @Override
        public String toString() {
            return "Slack[webhookUrl=" + (enabled() ? "****" : "none") + "]";
        }
    }

    /** SMTP; unset host = no email. */
    public record Email(
            String host,
            @Min(value = 1, message = "must be a port number") @DefaultValue("587") int port,
            String from,
            List<String> to,
            String username,
            String password,
            // STARTTLS is required (not merely tried) when true.
            @DefaultValue("true") boolean starttls) {

        public Email {
            to = to == null ? List.of() : List.copyOf(to);
        }

        public boolean enabled() {
            return host != null && !host.isBlank();
        }

        @Override
        public String toString() {
            return "Email[host=" + host + ", port=" + port + ", from=" + from + ", to=" + to + ", username=" + username
                    + ", password=" + (password == null ? "none" : "****") + ", starttls=" + starttls + "]";
        }
    }

    public record Rules(
            @Valid @NotNull @DefaultValue Failing failing,
            @Valid @NotNull @DefaultValue Auth auth,
            @Valid @NotNull @DefaultValue Quota quota,
            @Valid @NotNull @DefaultValue Latency latency,
            @Valid @NotNull @DefaultValue DataAge dataAge,
            @Valid @NotNull @DefaultValue TokenExpiry tokenExpiry) {
    }

    /** A source's refreshes failed this many times in a row. */
    public record Failing(@DefaultValue("true") boolean enabled,
            @Min(value = 1, message = "must be at least 1") @DefaultValue("3") int consecutive) {
    }

    /** The provider rejected the credentials (AUTH_FAILED): at once. */
    public record Auth(@DefaultValue("true") boolean enabled) {
    }

    /** Usage at or above this percent of any reported quota, or RATE_LIMITED. */
    public record Quota(@DefaultValue("true") boolean enabled,
            @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100,
                    message = "must be between 1 and 100") @DefaultValue("80") int percent) {
    }

    /** Refreshes slower than the threshold this many times in a row. */
    public record Latency(@DefaultValue("true") boolean enabled,
            @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("5s") Duration threshold,
            @Min(value = 1, message = "must be at least 1") @DefaultValue("3") int consecutive) {
    }

    /** Data older than this; null means three times stale-after. */
    public record DataAge(@DefaultValue("true") boolean enabled,
            @DurationMin(millis = 1, message = "must be greater than 0") Duration maxAge) {
    }

    /** A token expiring within this many days, where its expiry is known. */
    public record TokenExpiry(@DefaultValue("true") boolean enabled,
            @Min(value = 1, message = "must be at least 1") @DefaultValue("7") int days) {
    }

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
