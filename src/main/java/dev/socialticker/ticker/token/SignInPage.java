package dev.socialticker.ticker.token;

import org.springframework.web.util.HtmlUtils;

/**
 * The page a person's browser shows at the end of a sign-in: the authorize command's loopback
 * address and the service's admin callback answer the same words.
 */
public final class SignInPage {
    private SignInPage() {}

    /** One sentence: connected, or why not. */
    public static String sentence(String title, Connection connection) {
        return connection.connected()
                ? title + " is connected. You can close this tab."
                : title + " is not connected: " + connection.problem() + ".";
    }

    /** The whole page, the sentence escaped; no script, nothing loaded. */
    public static String html(String sentence) {
        return "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Social Ticker</title>"
                + "<body><h1>Social Ticker</h1><p id=\"outcome\">" + HtmlUtils.htmlEscape(sentence)
                + "</p></body></html>";
    }
}
