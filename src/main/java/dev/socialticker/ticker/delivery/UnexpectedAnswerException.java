package dev.socialticker.ticker.delivery;

/**
 * The destination answered with a success status, but not as its service answers: an HTML page where
 * Slack says {@code ok}, or no {@code "ok":true} from Telegram (a proxy, a captive portal or a login page
 * in between, or a URL pointing elsewhere). The message was not delivered. Classified by
 * {@link DeliveryFailures} from the status and {@code expected} alone: the body is never quoted.
 */
public class UnexpectedAnswerException extends RuntimeException {
    private final int status;
    private final String expected;

    /** @param expected what the service answers, in words: {@code "its ok"} */
    public UnexpectedAnswerException(int status, String expected) {
        super("HTTP " + status + ", not " + expected);
        this.status = status;
        this.expected = expected;
    }

    public int status() {
        return status;
    }

    public String expected() {
        return expected;
    }
}
