package dev.socialticker.ticker.token;

import dev.socialticker.ticker.routefile.YamlParameter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a provider's credential is obtained and kept (template parameter {@code token}, a YAML map):
 * <pre>
 * kind: static | refresh | client-credentials | oauth2   # static, the default: the configured setting as is
 * url: https://graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token
 * clientId: client-id                 # client-credentials, oauth2: the settings holding the client's
 * clientSecret: client-secret         #   id and secret, under ticker.providers.&lt;name&gt; (oauth2: secret optional)
 * authorizeUrl: https://…/authorize   # oauth2: where a person signs in (--authorize, the admin sign-in)
 * scopes: [user.info.basic]           # oauth2: the scopes asked for
 * pkce: S256                          # oauth2: S256 (the default), S256-hex (TikTok's desktop flow) or none
 * clientIdParameter: client_id        # oauth2: the form field naming the client (TikTok: client_key)
 * scopeDelimiter: " "                 # oauth2: between the scopes in the authorization URL (TikTok: ",")
 * clientAuth: post                    # client-credentials, oauth2: the client's id and secret in the form
 *                                     #   (post, the default) or as HTTP Basic authentication (basic: Reddit, Spotify, X)
 * </pre>
 * {@code refresh} exchanges the current {@code access-token} for a new one before it expires
 * ({@code GET url&access_token=…}); {@code client-credentials} obtains an app token
 * ({@code POST url} with the form {@code client_id}, {@code client_secret},
 * {@code grant_type=client_credentials}); {@code oauth2} renews the access token with the refresh
 * token a person's sign-in obtained (RFC 6749 section 6). All read {@code {access_token, expires_in}}.
 */
public record TokenPolicy(
        Kind kind,
        URI url,
        String clientId,
        String clientSecret,
        URI authorizeUrl,
        List<String> scopes,
        Pkce pkce,
        String clientIdParameter,
        String scopeDelimiter,
        ClientAuth clientAuth) {

    /** How the token endpoint is told the client's id and secret (RFC 6749 section 2.3.1). */
    public enum ClientAuth {
        /** In the form: {@code client_id}, {@code client_secret} (client_secret_post). */
        POST("post"),
        /** {@code Authorization: Basic} of the form-encoded id and secret (client_secret_basic). */
        BASIC("basic");

        private final String written;

        ClientAuth(String written) {
            this.written = written;
        }

        static ClientAuth of(String written) {
            for (ClientAuth auth : values()) {
                if (auth.written.equals(written)) {
                    return auth;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return written;
        }
    }

    /** How the authorization request proves the code's requester (RFC 7636). */
    public enum Pkce {
        /** The challenge is BASE64URL(SHA-256(verifier)), RFC 7636's S256. */
        S256("S256"),
        /** TikTok's desktop flow: the challenge is SHA-256(verifier) in hexadecimal, sent as S256. */
        S256_HEX("S256-hex"),
        NONE("none");

        private final String written;

        Pkce(String written) {
            this.written = written;
        }

        static Pkce of(String written) {
            for (Pkce pkce : values()) {
                if (pkce.written.equals(written)) {
                    return pkce;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return written;
        }
    }

    public enum Kind {
        STATIC("static"),
        REFRESH("refresh"),
        CLIENT_CREDENTIALS("client-credentials"),
        /** OAuth 2.0's refresh grant (RFC 6749 section 6), with the refresh token the service keeps. */
        OAUTH2("oauth2");

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
    public static final TokenPolicy STATIC =
            new TokenPolicy(Kind.STATIC, null, null, null, null, List.of(), null, null, null, null);

    private static final List<String> KEYS = List.of(
            "kind",
            "url",
            "clientId",
            "clientSecret",
            "authorizeUrl",
            "scopes",
            "pkce",
            "clientIdParameter",
            "scopeDelimiter",
            "clientAuth");
    private static final Set<String> OAUTH2_ONLY =
            Set.of("authorizeUrl", "scopes", "pkce", "clientIdParameter", "scopeDelimiter");
    private static final String SETTING = "[a-z0-9][a-z0-9-]*";

    /** True when the service obtains or renews the token itself (not {@code static}). */
    public boolean kept() {
        return kind != Kind.STATIC;
    }

    /**
     * True when the access token is obtained by the service (client credentials, or OAuth 2.0's refresh
     * grant), not configured: obtained again when it has expired or is refused.
     */
    public boolean obtained() {
        return kind == Kind.CLIENT_CREDENTIALS || kind == Kind.OAUTH2;
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
        Object parsed = YamlParameter.load("token", yaml);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("parameter 'token' must be a YAML map such as 'kind: refresh' (keys: "
                    + String.join(", ", KEYS) + ")");
        }
        List<String> problems = new ArrayList<>();
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                problems.add("token." + key + " is not a key of token (known: " + String.join(", ", KEYS) + ")");
            }
        }
        String written = text(map.get("kind"));
        Kind kind = Kind.of(written == null ? "static" : written);
        if (kind == null) {
            problems.add(
                    "token.kind must be one of static, refresh, client-credentials, oauth2, not '" + written + "'");
        }
        String urlText = text(map.get("url"));
        if (urlText == null && kind != null && kind != Kind.STATIC) {
            problems.add("token.url is required with kind " + kind + " (the upstream's token endpoint)");
        }
        URI url = url("url", urlText, problems);
        String clientId = text(map.get("clientId"));
        String clientSecret = text(map.get("clientSecret"));
        if (kind == Kind.CLIENT_CREDENTIALS) {
            setting(kind, "clientId", clientId, "client-id", problems);
            setting(kind, "clientSecret", clientSecret, "client-secret", problems);
        } else if (kind == Kind.OAUTH2) {
            // A public client (PKCE) has no secret: the secret is optional here.
            setting(kind, "clientId", clientId, "client-id", problems);
            if (clientSecret != null) {
                setting(kind, "clientSecret", clientSecret, "client-secret", problems);
            }
        } else if (clientId != null || clientSecret != null) {
            problems.add("token.clientId and token.clientSecret belong to kinds client-credentials and oauth2 only");
        }
        if (kind != Kind.OAUTH2) {
            map.keySet().stream()
                    .map(String::valueOf)
                    .filter(OAUTH2_ONLY::contains)
                    .forEach(key -> problems.add("token." + key + " belongs to kind oauth2 only"));
        }
        URI authorizeUrl = url("authorizeUrl", text(map.get("authorizeUrl")), problems);
        List<String> scopes = scopes(map.get("scopes"), problems);
        String pkceText = text(map.get("pkce"));
        Pkce pkce = Pkce.of(pkceText == null ? "S256" : pkceText);
        if (pkce == null) {
            problems.add("token.pkce must be one of S256, S256-hex, none, not '" + pkceText + "'");
        }
        String clientIdParameter = text(map.get("clientIdParameter"));
        if (clientIdParameter != null && !clientIdParameter.matches("[a-z_]+")) {
            problems.add("token.clientIdParameter must be a form field name such as client_key, not '"
                    + clientIdParameter + "'");
        }
        String clientAuthText = text(map.get("clientAuth"));
        ClientAuth clientAuth = ClientAuth.of(clientAuthText == null ? "post" : clientAuthText);
        if (clientAuth == null) {
            problems.add("token.clientAuth must be post or basic, not '" + clientAuthText + "'");
        } else if (clientAuthText != null && kind != Kind.CLIENT_CREDENTIALS && kind != Kind.OAUTH2) {
            problems.add("token.clientAuth belongs to kinds client-credentials and oauth2 only");
        } else if (clientAuth == ClientAuth.BASIC && clientSecret == null) {
            problems.add("token.clientAuth basic needs token.clientSecret");
        }
        Object delimiter = map.get("scopeDelimiter");
        if (delimiter != null && !List.of(" ", ",").contains(String.valueOf(delimiter))) {
            problems.add("token.scopeDelimiter must be \" \" or \",\", not '" + delimiter + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new TokenPolicy(
                kind,
                url,
                clientId,
                clientSecret,
                authorizeUrl,
                scopes,
                pkce,
                clientIdParameter == null ? "client_id" : clientIdParameter,
                delimiter == null ? " " : String.valueOf(delimiter),
                clientAuth);
    }

    /**
     * The setting that seeds an OAuth 2.0 refresh token (obtained elsewhere) before the service keeps
     * one of its own: optional, a sign-in ({@code --authorize}) is the usual way.
     */
    public static final String REFRESH_TOKEN_SETTING = "refresh-token";

    /** The settings under {@code ticker.providers.<name>} this policy reads, optional ones included. */
    public List<String> settings() {
        List<String> settings = new ArrayList<>(requiredSettings());
        if (kind == Kind.OAUTH2) {
            settings.add(REFRESH_TOKEN_SETTING);
        }
        return List.copyOf(settings);
    }

    /** The settings a source of this provider cannot do without: the client's id, and its secret when declared. */
    public List<String> requiredSettings() {
        List<String> settings = new ArrayList<>();
        if (obtained()) {
            settings.add(clientId);
            if (clientSecret != null) {
                settings.add(clientSecret);
            }
        }
        return List.copyOf(settings);
    }

    /** True when a person can connect the account by signing in ({@code --authorize}, the admin sign-in). */
    public boolean signIn() {
        return kind == Kind.OAUTH2 && authorizeUrl != null;
    }

    private static URI url(String key, String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            URI url = URI.create(text);
            if (url.getScheme() != null
                    && url.getScheme().matches("https?")
                    && url.getHost() != null
                    && url.getRawFragment() == null) {
                return url;
            }
        } catch (IllegalArgumentException invalid) {
            // said below
        }
        problems.add("token." + key + " must be an http(s) URL, not '" + text + "'");
        return null;
    }

    /** A YAML list of scopes, or one string of them separated by spaces or commas. */
    private static List<String> scopes(Object value, List<String> problems) {
        List<String> scopes = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(scope -> scopes.add(String.valueOf(scope).strip()));
        } else if (value != null) {
            scopes.addAll(List.of(String.valueOf(value).strip().split("[\\s,]+")));
        }
        scopes.removeIf(String::isEmpty);
        for (String scope : scopes) {
            // RFC 6749 section 3.3: printable ASCII but space, '"' and '\\'.
            if (!scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+")) {
                problems.add("token.scopes: '" + scope + "' is not a scope (RFC 6749 section 3.3)");
            }
        }
        return List.copyOf(scopes);
    }

    private static void setting(Kind kind, String key, String value, String example, List<String> problems) {
        if (value == null) {
            problems.add("token." + key + " is required with kind " + kind + ": the setting under"
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
