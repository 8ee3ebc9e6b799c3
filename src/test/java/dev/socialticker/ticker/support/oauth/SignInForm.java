package dev.socialticker.ticker.support.oauth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person at {@link AuthorizationServer}'s pages without a browser, as the form posts them: opens
 * the authorization URL, signs in, and consents to every scope asked (or cancels). The browser test
 * of the authorize command does the same in Chromium; this one lets the other tests get a code in
 * milliseconds.
 */
public final class SignInForm {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CLIENT_ID = Pattern.compile("name=\"client_id\" value=\"([^\"]+)\"");
    private static final Pattern CONSENT_STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");
    private static final Pattern SCOPE = Pattern.compile("name=\"scope\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Signs in and consents: the address the server sent the browser back to (the redirect, with the code). */
    public static String consent(String authorizationUrl) {
        return new SignInForm().walk(authorizationUrl, true);
    }

    /** Signs in and cancels on the consent page: the redirect, with {@code error=access_denied}. */
    public static String deny(String authorizationUrl) {
        return new SignInForm().walk(authorizationUrl, false);
    }

    private String walk(String authorizationUrl, boolean consent) {
        try {
            URI login = location(get(URI.create(authorizationUrl)), URI.create(authorizationUrl));
            String loginPage = get(login).body();
            HttpResponse<String> signedIn = post(
                    login,
                    "username=" + encode(AuthorizationServer.USER) + "&password=" + encode(AuthorizationServer.PASSWORD)
                            + "&_csrf=" + encode(find(CSRF, loginPage)));
            URI back = location(signedIn, login);
            HttpResponse<String> consentPage = get(back);
            if (consentPage.statusCode() != 200) {
                throw new IllegalStateException("expected the consent page, got HTTP " + consentPage.statusCode());
            }
            String page = consentPage.body();
            List<String> form = new ArrayList<>();
            form.add("client_id=" + encode(find(CLIENT_ID, page)));
            form.add("state=" + encode(find(CONSENT_STATE, page)));
            if (consent) {
                Matcher scopes = SCOPE.matcher(page);
                while (scopes.find()) {
                    form.add("scope=" + encode(scopes.group(1)));
                }
            }
            HttpResponse<String> answered = post(back.resolve("/oauth2/authorize"), String.join("&", form));
            return answered.headers()
                    .firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException(
                            "the consent was answered HTTP " + answered.statusCode() + ": " + answered.body()));
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException("signing in at " + authorizationUrl + " failed", failed);
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String form) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI location(HttpResponse<String> response, URI base) {
        return base.resolve(response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(
                        "expected a redirect from " + base + ", got HTTP " + response.statusCode())));
    }

    private static String find(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("not on the page: " + pattern + "\n" + page);
        }
        return matcher.group(1).replace("&amp;", "&");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
