package dev.socialticker.ticker.delivery;

import dev.socialticker.ticker.delivery.DeliveryFailure.Code;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
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
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Why a delivery attempt failed, in words an operator can act on: what went wrong, where (the
 * destination's host and port) and which setting to look at. The one classifier of outward
 * deliveries, an output's push and an alert's message alike. It reads the exception chain's types
 * and codes and the service's own settings, never an exception's message: those quote a webhook's
 * whole URL (its path is the secret), a query's token, user info, a mail server's answer (which may
 * echo the login) or whole addresses. Of an address only its domain is named.
 */
public final class DeliveryFailures {
    /** Angus Mail's only sign of a missing STARTTLS is its message: the exception is a bare MessagingException. */
    private static final String STARTTLS = "STARTTLS";

    private DeliveryFailures() {}

    /** Why delivering to {@code to} failed with {@code failure} (null: nothing was caught). */
    public static DeliveryFailure of(Throwable failure, Destination to) {
        List<Throwable> chain = chain(failure);
        HttpOperationFailedException answered = first(chain, HttpOperationFailedException.class);
        if (answered != null) {
            return answered(answered.getStatusCode(), to);
        }
        UnexpectedAnswerException foreign = first(chain, UnexpectedAnswerException.class);
        if (foreign != null) {
            return new DeliveryFailure(
                    Code.UNEXPECTED,
                    foreign.status(),
                    to.said() + " answered HTTP " + foreign.status() + " but not with " + foreign.expected()
                            + ": is a proxy or a login page in between, or does " + to.setting()
                            + " point elsewhere?");
        }
        DeliveryFailure mail = mail(chain, to);
        if (mail != null) {
            return mail;
        }
        DeliveryFailure unreachable = unreachable(chain, to);
        if (unreachable != null) {
            return unreachable;
        }
        MqttException mqtt = first(chain, MqttException.class);
        if (mqtt != null) {
            return mqtt(mqtt.getReasonCode(), to);
        }
        return new DeliveryFailure(Code.ERROR, null, unexpected(chain));
    }

    private static DeliveryFailure answered(int status, Destination to) {
        if (status >= 500) {
            return new DeliveryFailure(Code.UNAVAILABLE, status, to.said() + " answered HTTP " + status);
        }
        if (status >= 300 && status < 400) {
            // Not followed: a redirect would carry the body (and its secrets) to an address nobody configured.
            return new DeliveryFailure(
                    Code.REJECTED,
                    status,
                    to.said() + " answered HTTP " + status + " (a redirect, not followed): check " + to.setting());
        }
        return new DeliveryFailure(Code.REJECTED, status, to.said() + " answered HTTP " + status);
    }

    /**
     * An MQTT reason code: below 256 the broker's own (MQTT 5: 0x80 and up refuse, e.g. 0x86 a bad
     * user name or password, 0x87 not authorised), from 32000 the client's (Paho's).
     */
    private static DeliveryFailure mqtt(int code, Destination to) {
        if (code == MqttClientException.REASON_CODE_CONNECTION_LOST) {
            return new DeliveryFailure(
                    Code.UNREACHABLE, null, to.named() + " closed the connection (MQTT reason code " + code + ")");
        }
        if (code < MqttClientException.REASON_CODE_CLIENT_TIMEOUT) { // 32000, the first of Paho's own codes
            return new DeliveryFailure(Code.REJECTED, null, to.named() + " refused it (MQTT reason code " + code + ")");
        }
        return new DeliveryFailure(
                Code.ERROR, null, "the MQTT client failed toward " + to.where() + " (reason code " + code + ")");
    }

    /** A mail server's refusals; null when the chain shows none. */
    private static DeliveryFailure mail(List<Throwable> chain, Destination to) {
        String server = to.where();
        SMTPSenderFailedException sender = first(chain, SMTPSenderFailedException.class);
        if (sender != null) {
            return rejected(server + " refused the sender (SMTP " + sender.getReturnCode() + ", an address at "
                    + domain(sender.getAddress()) + "): check " + to.sibling("from"));
        }
        List<SMTPAddressFailedException> recipients = all(chain, SMTPAddressFailedException.class);
        if (!recipients.isEmpty()) {
            Set<Integer> codes = new TreeSet<>();
            Set<String> domains = new TreeSet<>();
            recipients.forEach(refused -> {
                codes.add(refused.getReturnCode());
                domains.add(domain(refused.getAddress()));
            });
            return rejected(server + " refused " + recipients.size() + " recipient(s) (SMTP " + join(codes)
                    + (recipients.size() == 1 ? ", an address at " : ", addresses at ") + join(domains)
                    + "): check " + to.sibling("to"));
        }
        if (first(chain, AuthenticationFailedException.class) != null) {
            return rejected(
                    server + " refused the login: check " + to.sibling("username") + " and " + to.sibling("password"));
        }
        if (first(chain, ConnectException.class) == null
                && first(chain, UnknownHostException.class) == null
                && timeout(chain) == null) {
            for (Throwable cause : chain) {
                if (cause instanceof MessagingException
                        && cause.getMessage() != null
                        && cause.getMessage().contains(STARTTLS)) {
                    return rejected("STARTTLS is required but " + server + " does not offer it: use a server that"
                            + " does, or set " + to.set("starttls", "false") + " (the password then travels"
                            + " unencrypted)");
                }
            }
            SMTPSendFailedException refused = first(chain, SMTPSendFailedException.class);
            if (refused != null) {
                return rejected(server + " refused the message (SMTP " + refused.getReturnCode() + ")");
            }
        }
        return null;
    }

    /** Unknown host, connection refused, or no connection or answer in time; null when the chain shows none. */
    private static DeliveryFailure unreachable(List<Throwable> chain, Destination to) {
        if (first(chain, UnknownHostException.class) != null) {
            return new DeliveryFailure(Code.UNREACHABLE, null, "unknown host " + to.host() + ": check " + to.setting());
        }
        if (first(chain, ConnectException.class) != null || serverConnectError(chain)) {
            return new DeliveryFailure(Code.UNREACHABLE, null, to.named() + " is unreachable (connection refused)");
        }
        if (timeout(chain) != null) {
            return new DeliveryFailure(Code.TIMEOUT, null, to.named() + " did not answer in time (timed out)");
        }
        return null;
    }

    /** A timeout of any client: the JDK's, HttpClient's, Paho's, the MQTT output's own. */
    private static Throwable timeout(List<Throwable> chain) {
        for (Throwable cause : chain) {
            if (cause instanceof SocketTimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")
                    || (cause instanceof MqttException mqtt
                            && mqtt.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_TIMEOUT)) {
                return cause;
            }
        }
        return null;
    }

    /** Paho's "unable to connect to server", which wraps no ConnectException of its own. */
    private static boolean serverConnectError(List<Throwable> chain) {
        MqttException mqtt = first(chain, MqttException.class);
        return mqtt != null && mqtt.getReasonCode() == MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR;
    }

    private static DeliveryFailure rejected(String reason) {
        return new DeliveryFailure(Code.REJECTED, null, reason);
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
