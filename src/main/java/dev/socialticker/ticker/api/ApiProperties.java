package dev.socialticker.ticker.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
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
        @Valid @NotNull @DefaultValue Admin admin) {

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
