package dev.socialticker.ticker.provider.http;

import static dev.socialticker.ticker.provider.contract.TickerHeaders.ACCOUNT;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.ETAG;

import dev.socialticker.ticker.logging.SecretMasking;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import dev.socialticker.ticker.token.TokenKeeper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Prepares the upstream request of a "JSON over HTTP" provider: the endpoint URI (base URL + path,
 * with the provider's timeouts), the query string, the credential and the conditional request.
 *
 * <p>The credential travels in the {@code Authorization}, {@code CamelHttpQuery} or {@code CamelHttpUri}
 * header (Telegram's is in the path), never in the endpoint URI, so it does not become part of an
 * endpoint name that Camel registers, logs or tags metrics with. Account values are URL-encoded here: a provider file only writes placeholders.
 */
final class JsonOverHttpRequest implements Processor {
    /** Exchange property: this call's URI (base URL + path) with the endpoint options, for reports. */
    static final String UPSTREAM_URI = "TickerUpstreamUri";
    /**
     * Exchange property: the endpoint the template sends to, the base URL with the provider's
     * options and no account in it, so all sources of a provider (of a Mastodon host) share one
     * endpoint, one HTTP client and its pooled connections. The account's path goes in the
     * {@code CamelHttpUri} header. An endpoint per account cost about 35 KiB of heap per source
     * (camel-http's client and buffers), and Camel's cache of 1,000 dynamic endpoints churned above that.
     */
    static final String UPSTREAM_ENDPOINT = "TickerUpstreamEndpoint";
    /**
     * Every answer comes back as an answer: the provider file's error rules read error bodies too
     * ({@link JsonAnswerReader}), and 304 means "unchanged" for an upstream that honours If-None-Match.
     */
    private static final String OK_STATUS = "throwExceptionOnFailure=false";

    /** Exchange property: which of the provider's obtained tokens this request carries. */
    private static final String TOKEN_GENERATION = "TickerTokenGeneration";
    /** Exchange property: this request was already tried again with a token obtained anew. */
    private static final String RETRIED = "TickerRetriedWithNewToken";

    private final JsonOverHttpSpec spec;
    private final ProviderSettings settings;
    private final TokenKeeper tokens;

    JsonOverHttpRequest(JsonOverHttpSpec spec, ProviderSettings settings) {
        this(spec, settings, null);
    }

    JsonOverHttpRequest(JsonOverHttpSpec spec, ProviderSettings settings, TokenKeeper tokens) {
        this.spec = spec;
        this.settings = settings;
        this.tokens = tokens;
    }

    /**
     * After the call: true when the upstream refused (401) a token the service obtained and a new one
     * was obtained, once per request; the message is then emptied of the answer, ready for the same
     * request again.
     */
    public boolean renewedAfterRejection(Exchange exchange) {
        Message in = exchange.getIn();
        if (tokens == null
                || !spec.token().obtained()
                || in.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class) != 401
                || exchange.getProperty(RETRIED) != null) {
            return false;
        }
        exchange.setProperty(RETRIED, true);
        long generation = exchange.getProperty(TOKEN_GENERATION, 0L, Long.class);
        if (!tokens.renewRejected(spec.name(), generation, exchange.getContext())) {
            return false;
        }
        in.getHeaders().keySet().removeIf(name -> !name.startsWith("Ticker"));
        in.setBody(null);
        exchange.removeProperty(AnswerSizeLimit.CUT);
        return true;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        Account account = Account.parse(in.getHeader(ACCOUNT, String.class));
        ProviderProperties.Provider provider = settings.of(spec.name());
        String base = settings.baseUrlOverride(spec.name());
        if (base == null) {
            base = account.expand(spec.baseUrl(), false).replaceAll("/+$", "");
        }
        String options = "?" + OK_STATUS + "&" + HttpTimeouts.endpointOptions(provider);
        String path = account.expand(spec.path(), true);
        // Already registered with SecretMasking when the provider file was checked (start-up or reload).
        String credential = spec.hasCredential() ? settings.setting(spec.name(), spec.credential()) : null;
        if (tokens != null && spec.token().obtained()) {
            credential = tokens.obtainedToken(spec.name(), exchange.getContext());
            // Read after: obtaining may have renewed it, and a refusal of that token must renew it again.
            exchange.setProperty(TOKEN_GENERATION, tokens.generation(spec.name()));
        }
        // Reports (failures, --try) name the call with the credential masked: it is in the path for Telegram.
        exchange.setProperty(
                UPSTREAM_URI, base + path.replace(JsonOverHttpSpec.CREDENTIAL, SecretMasking.MASK) + options);
        exchange.setProperty(UPSTREAM_ENDPOINT, base + options);
        in.setHeader(Exchange.HTTP_URI, base + path.replace(JsonOverHttpSpec.CREDENTIAL, pathSegment(credential)));

        StringBuilder query = new StringBuilder(account.expand(spec.query(), true));
        if (credential != null && spec.credentialQueryParameter() != null) {
            query.append(query.isEmpty() ? "" : "&")
                    .append(spec.credentialQueryParameter())
                    .append('=')
                    .append(URLEncoder.encode(credential, StandardCharsets.UTF_8));
        } else if (credential != null && !spec.credentialInPath()) {
            in.setHeader("Authorization", "Bearer " + credential);
        }
        if (query.isEmpty()) {
            in.removeHeader(Exchange.HTTP_QUERY);
        } else {
            in.setHeader(Exchange.HTTP_QUERY, query.toString());
        }
        // Checked at start-up: every required setting is there, and masked (ProviderRequirements).
        spec.headers().resolve(name -> settings.setting(spec.name(), name)).forEach(in::setHeader);
        in.setHeader(Exchange.HTTP_METHOD, "GET");
        in.setHeader("Accept", "application/json");
        String etag = in.getHeader(ETAG, String.class);
        if (etag != null) {
            // An unchanged answer then costs no transfer and, at GitHub, no rate limit.
            in.setHeader("If-None-Match", etag);
        }
    }

    /**
     * The credential as a path segment: percent-encoded but for the colon, which a segment may hold
     * as is (RFC 3986 pchar), and which Telegram's bot tokens ({@code 123456:ABC-…}) contain.
     */
    private static String pathSegment(String credential) {
        return credential == null ? "" : Account.encode(credential).replace("%3A", ":");
    }

    /** The account without a leading @ and, for {@code user@host} accounts (Mastodon style), its two parts. */
    record Account(String account, String user, String host) {
        static Account parse(String raw) {
            String trimmed = raw == null ? "" : raw.trim();
            // "@bsky.app" and "@user@host" are written with a leading @ as often as without.
            String bare = trimmed.startsWith("@") ? trimmed.substring(1) : trimmed;
            int at = bare.lastIndexOf('@');
            return at > 0
                    ? new Account(bare, bare.substring(0, at), bare.substring(at + 1))
                    : new Account(bare, bare, "");
        }

        /** Replaces {account}, {user} and {host}, URL-encoded when the result is a path or query. */
        String expand(String template, boolean encode) {
            return template.replace("{account}", encode ? encode(account) : account)
                    .replace("{user}", encode ? encode(user) : user)
                    .replace("{host}", encode ? encode(host) : host);
        }

        static String encode(String value) {
            // URLEncoder writes form encoding; %20 is right in paths and queries alike.
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
