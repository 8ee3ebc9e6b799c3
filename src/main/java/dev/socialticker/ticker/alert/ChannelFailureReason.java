package dev.socialticker.ticker.alert;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why an alert channel failed, in words an operator can act on: what went wrong, where (the
 * configured host and port), and which setting to look at. Built from the exception chain's types
 * and codes and from the service's own settings, never from an exception's message: those quote a
 * webhook's full URL (a secret), a mail server's answer (which may echo the login) or whole
 * addresses. Of an address only its domain is named.
 */
final class ChannelFailureReason {
    /** Angus Mail's only sign of a missing STARTTLS is its message: the exception is a bare MessagingException. */
    private static final String STARTTLS = "STARTTLS";

    private ChannelFailureReason() {}

    /** Why an email could not be sent through {@code email}'s server. */
    static String email(Throwable failure, AlertProperties.Email email) {
        List<Throwable> chain = chain(failure);
        String server = email.host() + ":" + email.port();
        SMTPSenderFailedException sender = first(chain, SMTPSenderFailedException.class);
        if (sender != null) {
            return server + " refused the sender (SMTP " + sender.getReturnCode() + ", an address at "
                    + domain(sender.getAddress()) + "): check ticker.alerts.email.from";
        }
        List<SMTPAddressFailedException> recipients = all(chain, SMTPAddressFailedException.class);
        if (!recipients.isEmpty()) {
            Set<Integer> codes = new TreeSet<>();
            Set<String> domains = new TreeSet<>();
            recipients.forEach(refused -> {
                codes.add(refused.getReturnCode());
                domains.add(domain(refused.getAddress()));
            });
            return server + " refused " + recipients.size() + " recipient(s) (SMTP " + join(codes)
                    + (recipients.size() == 1 ? ", an address at " : ", addresses at ") + join(domains)
                    + "): check ticker.alerts.email.to";
        }
        if (first(chain, AuthenticationFailedException.class) != null) {
            return server + " refused the login: check ticker.alerts.email.username and ticker.alerts.email.password";
        }
        String unreachable = unreachable(chain, email.host(), server, "ticker.alerts.email.host");
        if (unreachable != null) {
            return unreachable;
        }
        for (Throwable cause : chain) {
            if (cause instanceof MessagingException
                    && cause.getMessage() != null
                    && cause.getMessage().contains(STARTTLS)) {
                return "STARTTLS is required but " + server + " does not offer it: use a server that does, or set"
                        + " ticker.alerts.email.starttls=false (the password then travels unencrypted)";
            }
        }
        SMTPSendFailedException refused = first(chain, SMTPSendFailedException.class);
        if (refused != null) {
            return server + " refused the message (SMTP " + refused.getReturnCode() + ")";
        }
        return unexpected(chain);
    }

    /** Why the webhook at {@code webhook} was not delivered to; names its host and port, never its path. */
    static String webhook(Throwable failure, URI webhook) {
        List<Throwable> chain = chain(failure);
        HttpOperationFailedException answered = first(chain, HttpOperationFailedException.class);
        if (answered != null) {
            return "the webhook answered HTTP " + answered.getStatusCode();
        }
        String host = webhook == null ? "?" : webhook.getHost();
        String unreachable = unreachable(
                chain, host, "the webhook at " + host + ":" + port(webhook), "ticker.alerts.slack.webhook-url");
        return unreachable != null ? unreachable : unexpected(chain);
    }

    /** Unknown host, connection refused, or no connection or answer in time; null when the chain shows none. */
    private static String unreachable(List<Throwable> chain, String host, String where, String property) {
        if (first(chain, UnknownHostException.class) != null) {
            return "unknown host " + host + ": check " + property;
        }
        if (first(chain, ConnectException.class) != null) {
            return where + " is unreachable (connection refused)";
        }
        if (first(chain, SocketTimeoutException.class) != null) {
            return where + " did not answer in time (timed out)";
        }
        return null;
    }

    /** The failure and its causes, in order; a MessagingException's next exception is its cause. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static <T> T first(List<Throwable> chain, Class<T> type) {
        List<T> all = all(chain, type);
        return all.isEmpty() ? null : all.get(0);
    }

    private static <T> List<T> all(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String domain(Address address) {
        String text = address instanceof InternetAddress internet ? internet.getAddress() : null;
        int at = text == null ? -1 : text.lastIndexOf('@');
        return at < 0 || at == text.length() - 1
                ? "(no domain)"
                : text.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri == null || uri.getPort() != -1) {
            return uri == null ? -1 : uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String join(Set<?> values) {
        StringJoiner joined = new StringJoiner(", ");
        values.forEach(value -> joined.add(String.valueOf(value)));
        return joined.toString();
    }

    /** Something none of the above: its types alone (outermost first), which still tell a developer where to look. */
    private static String unexpected(List<Throwable> chain) {
        if (chain.isEmpty()) {
            return "unknown";
        }
        StringJoiner types = new StringJoiner(" < ");
        chain.forEach(cause -> types.add(cause.getClass().getSimpleName()));
        return "failed unexpectedly (" + types + ")";
    }
}
