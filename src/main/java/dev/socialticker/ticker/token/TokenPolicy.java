package dev.socialticker.ticker.token;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * How a provider's credential is obtained and kept (template parameter {@code token}, a YAML map):
 * <pre>
 * kind: static | refresh | client-credentials   # static, the default: the configured setting as is
 * url: https://graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token
 * clientId: client-id                           # client-credentials: the settings holding the client's
 * clientSecret: client-secret                   #   id and secret, under ticker.providers.&lt;name&gt;
 * </pre>
 * {@code refresh} exchanges the current {@code access-token} for a new one before it expires
 * ({@code GET url&access_token=…}); {@code client-credentials} obtains an app token
 * ({@code POST url} with the form {@code client_id}, {@code client_secret},
 * {@code grant_type=client_credentials}). Both read {@code {access_token, expires_in}}.
 */
public record TokenPolicy(Kind kind, URI url, String clientId, String clientSecret) {

    public enum Kind {
        STATIC("static"),
        REFRESH("refresh"),
        CLIENT_CREDENTIALS("client-credentials");

        private final String written;

        Kind(String written) {
            this.written = written;
        }

        static Kind of(String written) {
            for (Kind kind : values()) {
                if (kind.written.equals(written)) {
                    return kind;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return written;
        }
    }

    /** The configured credential, as it always was. */
    public static final TokenPolicy STATIC = new TokenPolicy(Kind.STATIC, null, null, null);

    private static final Set<String> KEYS = Set.of("kind", "url", "clientId", "clientSecret");
    private static final String SETTING = "[a-z0-9][a-z0-9-]*";

    /** True when the service obtains or renews the token itself (not {@code static}). */
    public boolean kept() {
        return kind != Kind.STATIC;
    }

    /** True when the token is obtained from client credentials, not configured. */
    public boolean obtained() {
        return kind == Kind.CLIENT_CREDENTIALS;
    }

    /**
     * Reads the parameter's value; empty means {@link #STATIC}.
     *
     * @throws IllegalArgumentException naming each problem as {@code token.<key>}
     */
    public static TokenPolicy parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return STATIC;
        }
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException("parameter 'token' is not YAML: "
                    + unreadable.getMessage().lines().findFirst().orElse(""));
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(
                    "parameter 'token' must be a YAML map such as 'kind: refresh' (keys: kind, url, clientId,"
                            + " clientSecret)");
        }
        List<String> problems = new ArrayList<>();
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                problems.add("token." + key + " is not a key of token (known: kind, url, clientId, clientSecret)");
            }
        }
        String written = text(map.get("kind"));
        Kind kind = Kind.of(written == null ? "static" : written);
        if (kind == null) {
            problems.add("token.kind must be one of static, refresh, client-credentials, not '" + written + "'");
        }
        URI url = null;
        String urlText = text(map.get("url"));
        if (urlText == null && kind != null && kind != Kind.STATIC) {
            problems.add("token.url is required with kind " + kind + " (the upstream's token endpoint)");
        } else if (urlText != null) {
            try {
                url = URI.create(urlText);
                if (url.getScheme() == null
                        || !url.getScheme().matches("https?")
                        || url.getHost() == null
                        || url.getRawFragment() != null) {
                    problems.add("token.url must be an http(s) URL, not '" + urlText + "'");
                }
            } catch (IllegalArgumentException invalid) {
                problems.add("token.url must be an http(s) URL, not '" + urlText + "'");
            }
        }
        String clientId = text(map.get("clientId"));
        String clientSecret = text(map.get("clientSecret"));
        if (kind == Kind.CLIENT_CREDENTIALS) {
            setting("clientId", clientId, "client-id", problems);
            setting("clientSecret", clientSecret, "client-secret", problems);
        } else if (clientId != null || clientSecret != null) {
            problems.add("token.clientId and token.clientSecret belong to kind client-credentials only");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new TokenPolicy(kind, url, clientId, clientSecret);
    }

    private static void setting(String key, String value, String example, List<String> problems) {
        if (value == null) {
            problems.add("token." + key + " is required with kind client-credentials: the setting under"
                    + " ticker.providers.<name> that holds it, for example " + example);
        } else if (!value.matches(SETTING)) {
            problems.add("token." + key + " must name a setting (lower-case letters, digits and '-', for example "
                    + example + "), not '" + value + "'");
        }
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank()
                ? null
                : String.valueOf(value).strip();
    }
}
