package dev.socialticker.ticker.logging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in any text about to be logged: query parameters and JSON members named like
 * secrets, and {@code Authorization} values. The service does not log secrets on purpose; this is
 * the net under every log line (ours, Camel's, libraries') for the day someone does.
 */
public final class SecretMasking {
    public static final String MASK = "****";
    private static final Pattern QUERY_SECRET = Pattern.compile(
            "(?i)((?:access_token|client_secret|fb_exchange_token|code_verifier|api[_-]?key|key|token|password|secret)=)[^&\\s\"']+");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(?i)(\"(?:access_token|accessToken|access-token|refresh_token|refreshToken|client_secret|api_key|apiKey|token|password|secret)\"\\s*:\\s*\")[^\"]*");
    /**
     * An authorization scheme and its credential: the scheme as a word of its own (not the end of
     * "user.info.basic"), the credential at least {@value #MIN_SECRET_LENGTH} characters (not the
     * "2.0" of "OAuth 2.0").
     */
    private static final Pattern AUTHORIZATION =
            Pattern.compile("(?i)(?<![\\w.-])((?:Bearer|Basic|OAuth)\\s+)[A-Za-z0-9._~+/=-]{8,}");

    /** Values of configured credentials: masked wherever they appear, whatever carries them. */
    private static final Set<String> KNOWN_SECRETS = ConcurrentHashMap.newKeySet();
    /** Shorter values would mask ordinary words; no real token or key is this short. */
    private static final int MIN_SECRET_LENGTH = 8;

    private SecretMasking() {}

    /**
     * Masks this value from now on wherever it appears, for credentials a provider file names
     * (an API key sent as {@code ?appid=…} fits no pattern above).
     */
    public static void register(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            KNOWN_SECRETS.add(secret);
        }
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : KNOWN_SECRETS) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        masked = replace(QUERY_SECRET, masked);
        masked = replace(JSON_SECRET, masked);
        return replace(AUTHORIZATION, masked);
    }

    private static String replace(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK)) : text;
    }
}
