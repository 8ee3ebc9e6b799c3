package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.PropertyRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the API: browsers of other sites ({@code ticker.cors.*}) and the admin
 * ({@code ticker.admin.*}).
 *
 * @param cors  origins allowed to embed the ticker (script and API) from another site
 * @param admin the admin API, on only when its token is set
 */
@Validated
@ConfigurationProperties("ticker")
public record ApiProperties(
        @Valid @NotNull @DefaultValue Cors cors,
        @Valid @NotNull @DefaultValue Admin admin) implements PropertyRules {

    /** The admin API's token is at least this long. */
    static final int MIN_TOKEN_LENGTH = 16;

    /**
     * Refuses an admin token anyone could guess. The reasons never quote the value: Boot's own
     * validation report would print it into the log.
     */
    @Override
    public void check(BiConsumer<String, String> problems) {
        String token = admin == null || !admin.enabled() ? "" : admin.token();
        if (token.contains("${")) {
            // Spring leaves a placeholder of an unset variable as it is: "${TICKER_ADMIN_TOKEN}" would be the token.
            problems.accept(
                    "ticker.admin.token",
                    "a placeholder of an environment variable that is not set (TICKER_ADMIN_TOKEN in the preview"
                            + " profile): set the variable");
        } else if (!token.isEmpty() && token.length() < MIN_TOKEN_LENGTH) {
            problems.accept(
                    "ticker.admin.token",
                    "must be at least " + MIN_TOKEN_LENGTH + " characters (it guards the admin API; e.g. openssl"
                            + " rand -hex 24), or unset to turn the admin API off");
        }
    }

    /**
     * Origins allowed to embed the ticker (script and API) from another site; none by default.
     *
     * @param allowedOrigins origins allowed to embed the ticker from another site (* for any)
     */
    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    /**
     * The admin API is on only when a token is set.
     *
     * @param token bearer token for /api/admin/**, at least 16 characters (openssl rand -hex 24), else
     *              the service does not start; unset turns the admin API off
     */
    public record Admin(String token) {
        public boolean enabled() {
            return token != null && !token.isBlank();
        }

        @Override
        public String toString() {
            return "Admin[token=" + (enabled() ? "****" : "none") + "]";
        }
    }
}
