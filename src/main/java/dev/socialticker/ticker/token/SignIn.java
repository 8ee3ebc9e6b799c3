package dev.socialticker.ticker.token;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One person's sign-in at a provider (OAuth 2.0's authorization-code grant, RFC 6749 section 4.1,
 * with PKCE, RFC 7636): the address to open, and what it must find in the address the provider sends
 * the browser back to. The {@code state} ties the answer to this request (a forged or stale one is
 * refused); the code verifier never leaves the service but in the code exchange.
 *
 * @param redirectUri where the provider sends the browser back: a loopback address of the authorize
 *                    command (RFC 8252) or the service's admin callback
 */
public record SignIn(String provider, String state, String verifier, String redirectUri, URI address) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the provider's answer said: a code to exchange, or why there is none. */
    public sealed interface Answer {}

    public record Code(String code) implements Answer {}

    /** No code: the person declined, the provider refused, or the answer is not this sign-in's. */
    public record Refused(String reason) implements Answer {}

    static SignIn start(String provider, TokenPolicy policy, String clientId, String redirectUri) {
        String state = random();
        String verifier = policy.pkce() == TokenPolicy.Pkce.NONE ? null : random();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put(policy.clientIdParameter(), clientId);
        query.put("redirect_uri", redirectUri);
        if (!policy.scopes().isEmpty()) {
            query.put("scope", String.join(policy.scopeDelimiter(), policy.scopes()));
        }
        query.put("state", state);
        if (verifier != null) {
            query.put("code_challenge", challenge(verifier, policy.pkce()));
            query.put("code_challenge_method", "S256");
        }
        StringBuilder address = new StringBuilder(policy.authorizeUrl().toString());
        char separator = policy.authorizeUrl().getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            address.append(separator).append(parameter.getKey()).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return new SignIn(provider, state, verifier, redirectUri, URI.create(address.toString()));
    }

    /**
     * Reads the address the browser was sent back to (or only its query, as a person may paste it).
     */
    public Answer answer(String returned) {
        Map<String, String> query = query(returned == null ? "" : returned.strip());
        if (!state.equals(query.get("state"))) {
            return new Refused(
                    query.containsKey("state")
                            ? "the answer's state is not this sign-in's: it belongs to another sign-in, or was forged;"
                                    + " start again"
                            : "the address has no state: paste the whole address the browser was sent to");
        }
        String error = query.get("error");
        if (error != null) {
            String code = error.matches("[a-z_]{1,64}") ? error : "an error";
            return new Refused(
                    "access_denied".equals(code)
                            ? "the sign-in was declined at " + provider + " (access_denied)"
                            : provider + " answered " + code + " instead of a code");
        }
        String code = query.get("code");
        return code == null || code.isBlank()
                ? new Refused("the address has no code: paste the whole address the browser was sent to")
                : new Code(code);
    }

    /** RFC 7636 section 4.2's S256 challenge; TikTok's desktop flow writes the digest in hexadecimal. */
    static String challenge(String verifier, TokenPolicy.Pkce pkce) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
        return pkce == TokenPolicy.Pkce.S256_HEX
                ? HexFormat.of().formatHex(digest)
                : Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** 32 random bytes, base64url: a state or a code verifier (43 characters, RFC 7636 section 4.1). */
    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> query(String returned) {
        String query = returned;
        int mark = returned.indexOf('?');
        if (mark >= 0) {
            query = returned.substring(mark + 1);
        }
        int fragment = query.indexOf('#');
        if (fragment >= 0) {
            query = query.substring(0, fragment);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.putIfAbsent(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Never the verifier or the state: a sign-in may be logged by accident. */
    @Override
    public String toString() {
        return "SignIn[" + provider + " → " + redirectUri + "]";
    }
}
