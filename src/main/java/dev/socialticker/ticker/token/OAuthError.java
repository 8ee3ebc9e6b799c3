package dev.socialticker.ticker.token;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The error code of a token endpoint's refusal (RFC 6749 section 5.2), as it may be logged. */
final class OAuthError {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OAuthError() {}

    /**
     * The {@code error} of a refusal's JSON body, such as {@code invalid_grant}; null when the body is
     * not such a refusal. Only a code in RFC 6749's alphabet is returned: the upstream's own words
     * ({@code error_description}) are never repeated.
     */
    static String code(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            // TikTok's v2 API nests it: {"error": {"code": "access_token_invalid", ...}}
            String code = error.isObject() ? error.path("code").asText(null) : error.asText(null);
            return code != null && code.matches("[a-z][a-z0-9_.]{0,63}") ? code : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
