package dev.socialticker.ticker.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.delivery.DeliveryFailure.Code;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exception chain a channel meets, built as Angus Mail, the JDK, HttpClient and camel-http build
 * them (AlertChannelFailureTest produces each of them for real), and the reason it gives. The
 * exceptions' own messages are filled with what must never be repeated: the password, the whole
 * address, the webhook's secret path.
 */
class DeliveryFailuresTest {
    static final String PASSWORD = "smtp-secret-pw-42";
    static final Destination MAIL = Destination.server("smtp.example.com", 587, "ticker.alerts.email.host");
    static final URI WEBHOOK = URI.create("https://hooks.slack.com/services/T0000/B0000/webhookSecretXYZ");
    static final Destination SLACK = Destination.of("the webhook", WEBHOOK, "ticker.alerts.slack.webhook-url");
    /** An output's URL with a secret in each place one can be: user info, path, query. */
    static final String SECRET_URL =
            "https://hook-user:userinfoSecret@hooks.example.com:8443/pathSecret/hook?token=querySecret";

    static Stream<Arguments> emailFailures() throws AddressException {
        SMTPSendFailedException senderRefused = new SMTPSendFailedException(
                "MAIL FROM:<ticker@example.com>",
                553,
                "553 5.7.1 <ticker@example.com>: Sender address rejected",
                null,
                null,
                null,
                null);
        senderRefused.setNextException(new SMTPSenderFailedException(
                new InternetAddress("ticker@example.com"),
                "MAIL FROM:<ticker@example.com>",
                553,
                "553 5.7.1 <ticker@example.com>: Sender address rejected"));
        SMTPAddressFailedException first = new SMTPAddressFailedException(
                new InternetAddress("ops@Example.COM"),
                "RCPT TO:<ops@Example.COM>",
                550,
                "550 5.1.1 <ops@Example.COM>: User unknown");
        first.setNextException(new SMTPAddressFailedException(
                new InternetAddress("oncall@example.org"),
                "RCPT TO:<oncall@example.org>",
                551,
                "551 5.7.1 <oncall@example.org>: relay denied"));
        MessagingException loop = new MessagingException("first");
        MessagingException back = new MessagingException("second", loop);
        loop.setNextException(back);
        return Stream.of(
                Arguments.of(
                        "STARTTLS required, not offered (a bare MessagingException)",
                        new MessagingException("STARTTLS is required but host does not support STARTTLS"),
                        "STARTTLS is required but smtp.example.com:587 does not offer it: use a server that does, or set"
                                + " ticker.alerts.email.starttls=false (the password then travels unencrypted)"),
                Arguments.of(
                        "login refused",
                        new AuthenticationFailedException(
                                "535 5.7.8 Authentication failed for ticker@example.com/" + PASSWORD),
                        "smtp.example.com:587 refused the login: check ticker.alerts.email.username and"
                                + " ticker.alerts.email.password"),
                Arguments.of(
                        "sender refused",
                        senderRefused,
                        "smtp.example.com:587 refused the sender (SMTP 553, an address at example.com):"
                                + " check ticker.alerts.email.from"),
                Arguments.of(
                        "two recipients refused",
                        new SendFailedException("Invalid Addresses", first),
                        "smtp.example.com:587 refused 2 recipient(s) (SMTP 550, 551, addresses at example.com,"
                                + " example.org): check ticker.alerts.email.to"),
                Arguments.of(
                        "another refusal of the message",
                        new SMTPSendFailedException(
                                "DATA", 554, "554 5.7.1 spam from ticker@example.com", null, null, null, null),
                        "smtp.example.com:587 refused the message (SMTP 554)"),
                Arguments.of(
                        "connection refused",
                        new MailConnectException(new SocketConnectException(
                                "Using socket factory",
                                new ConnectException("Connection refused"),
                                "smtp.example.com",
                                587,
                                10000)),
                        "smtp.example.com:587 is unreachable (connection refused)"),
                Arguments.of(
                        "connection timed out",
                        new MailConnectException(new SocketConnectException(
                                "Using socket factory",
                                new SocketTimeoutException("Connect timed out"),
                                "smtp.example.com",
                                587,
                                10000)),
                        "smtp.example.com:587 did not answer in time (timed out)"),
                Arguments.of(
                        "connected, never greeted",
                        new MessagingException(
                                "Exception reading response", new SocketTimeoutException("Read timed out")),
                        "smtp.example.com:587 did not answer in time (timed out)"),
                Arguments.of(
                        "unknown host",
                        new MessagingException(
                                "Unknown SMTP host: smtp.example.com", new UnknownHostException("smtp.example.com")),
                        "unknown host smtp.example.com: check ticker.alerts.email.host"),
                Arguments.of(
                        "inside Camel's wrapper",
                        new RuntimeCamelException(new AuthenticationFailedException("535 no")),
                        "smtp.example.com:587 refused the login: check ticker.alerts.email.username and"
                                + " ticker.alerts.email.password"),
                Arguments.of(
                        "anything else: its types",
                        new MessagingException(
                                "Can't send command to SMTP host " + PASSWORD, new IOException("Broken pipe")),
                        "failed unexpectedly (MessagingException < IOException)"),
                Arguments.of(
                        "a chain that loops ends",
                        loop,
                        "failed unexpectedly (MessagingException < MessagingException)"),
                Arguments.of("nothing caught", null, "unknown"));
    }

    static Stream<Arguments> webhookFailures() {
        return Stream.of(
                Arguments.of(
                        "answered 500",
                        new HttpOperationFailedException(
                                WEBHOOK.toString(), 500, "Server Error", null, Map.of(), "invalid_token"),
                        "the webhook answered HTTP 500"),
                Arguments.of(
                        "answered 404",
                        new HttpOperationFailedException(
                                WEBHOOK.toString(), 404, "Not Found", null, Map.of(), "no_service"),
                        "the webhook answered HTTP 404"),
                Arguments.of(
                        "connection refused",
                        new ConnectException("Connect to " + WEBHOOK + " failed: Connection refused"),
                        "the webhook at hooks.slack.com:443 is unreachable (connection refused)"),
                Arguments.of(
                        "connection timed out (HttpClient's own type)",
                        new ConnectTimeoutException("Connect to " + WEBHOOK + " timed out"),
                        "the webhook at hooks.slack.com:443 did not answer in time (timed out)"),
                Arguments.of(
                        "answer timed out",
                        new SocketTimeoutException("Read timed out"),
                        "the webhook at hooks.slack.com:443 did not answer in time (timed out)"),
                Arguments.of(
                        "unknown host",
                        new UnknownHostException("hooks.slack.com"),
                        "unknown host hooks.slack.com: check ticker.alerts.slack.webhook-url"),
                Arguments.of(
                        "anything else: its types",
                        new RuntimeCamelException(new IllegalStateException(WEBHOOK.toString())),
                        "failed unexpectedly (RuntimeCamelException < IllegalStateException)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emailFailures")
    void email(String what, Throwable failure, String reason) {
        String given = DeliveryFailures.of(failure, MAIL).reason();

        assertThat(given).isEqualTo(reason);
        assertNoSecret(given);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhookFailures")
    void webhook(String what, Throwable failure, String reason) {
        String given = DeliveryFailures.of(failure, SLACK).reason();

        assertThat(given).isEqualTo(reason);
        assertNoSecret(given);
    }

    @Test
    void aWebhookWithoutAPortIsNamedWithItsSchemesPort() {
        assertThat(DeliveryFailures.of(
                                new ConnectException(),
                                Destination.of("the webhook", "http://hooks.example.net/x/secret", "url"))
                        .reason())
                .isEqualTo("the webhook at hooks.example.net:80 is unreachable (connection refused)");
        assertThat(DeliveryFailures.of(
                                new ConnectException(),
                                Destination.of("the webhook", "https://hooks.example.net:8443/x", "url"))
                        .reason())
                .isEqualTo("the webhook at hooks.example.net:8443 is unreachable (connection refused)");
    }

    static Stream<Arguments> secretUrlFailures() {
        Destination output = Destination.of("the output 'hook'", SECRET_URL, "the parameter url of output 'hook'");
        return Stream.of(
                Arguments.of(
                        "refused, the client quoting the whole URL",
                        new ConnectException("Connect to " + SECRET_URL + " failed: Connection refused"),
                        output,
                        Code.UNREACHABLE,
                        null,
                        "the output 'hook' at hooks.example.com:8443 is unreachable (connection refused)"),
                Arguments.of(
                        "timed out, the client quoting the whole URL",
                        new ConnectTimeoutException("Connect to " + SECRET_URL + " timed out"),
                        output,
                        Code.TIMEOUT,
                        null,
                        "the output 'hook' at hooks.example.com:8443 did not answer in time (timed out)"),
                Arguments.of(
                        "unknown host",
                        new UnknownHostException("hooks.example.com: " + SECRET_URL),
                        output,
                        Code.UNREACHABLE,
                        null,
                        "unknown host hooks.example.com: check the parameter url of output 'hook'"),
                Arguments.of(
                        "answered 401, Camel quoting the URL and the body",
                        new HttpOperationFailedException(
                                SECRET_URL, 401, "Unauthorized", null, Map.of(), "bad token querySecret"),
                        output,
                        Code.REJECTED,
                        401,
                        "the output 'hook' answered HTTP 401"),
                Arguments.of(
                        "answered 503",
                        new HttpOperationFailedException(SECRET_URL, 503, "Unavailable", null, Map.of(), ""),
                        output,
                        Code.UNAVAILABLE,
                        503,
                        "the output 'hook' answered HTTP 503"),
                Arguments.of(
                        "a redirect, its location carrying the secret on",
                        new HttpOperationFailedException(SECRET_URL, 302, "Found", SECRET_URL + "&again", Map.of(), ""),
                        output,
                        Code.REJECTED,
                        302,
                        "the output 'hook' answered HTTP 302 (a redirect, not followed): check the parameter url of"
                                + " output 'hook'"),
                Arguments.of(
                        "an MQTT broker's refusal, wrapped in the output's own exception quoting its URL",
                        new RuntimeCamelException(new IllegalStateException(
                                "MQTT publish to " + SECRET_URL + " failed", new MqttException(135))),
                        output,
                        Code.REJECTED,
                        null,
                        "the output 'hook' at hooks.example.com:8443 refused it (MQTT reason code 135)"),
                Arguments.of(
                        "an MQTT client timeout",
                        new MqttException(MqttClientException.REASON_CODE_CLIENT_TIMEOUT),
                        output,
                        Code.TIMEOUT,
                        null,
                        "the output 'hook' at hooks.example.com:8443 did not answer in time (timed out)"),
                Arguments.of(
                        "no MQTT connection",
                        new MqttException(MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR),
                        output,
                        Code.UNREACHABLE,
                        null,
                        "the output 'hook' at hooks.example.com:8443 is unreachable (connection refused)"),
                Arguments.of(
                        "an MQTT connection lost (the broker stopped)",
                        new MqttException(MqttClientException.REASON_CODE_CONNECTION_LOST),
                        output,
                        Code.UNREACHABLE,
                        null,
                        "the output 'hook' at hooks.example.com:8443 closed the connection (MQTT reason code 32109)"),
                Arguments.of(
                        "another failure of the MQTT client itself",
                        new MqttException(MqttClientException.REASON_CODE_CLIENT_CLOSED),
                        output,
                        Code.ERROR,
                        null,
                        "the MQTT client failed toward hooks.example.com:8443 (reason code 32111)"),
                Arguments.of(
                        "anything else: its types, not its message",
                        new IllegalStateException(SECRET_URL),
                        output,
                        Code.ERROR,
                        null,
                        "failed unexpectedly (IllegalStateException)"),
                Arguments.of(
                        "an address that is not a URL is not repeated",
                        new ConnectException(),
                        Destination.of("the output 'hook'", "not a url userinfoSecret pathSecret", "url"),
                        Code.UNREACHABLE,
                        null,
                        "the output 'hook' at ? is unreachable (connection refused)"));
    }

    /**
     * A URL with a secret in its user info, its path and its query, and exceptions that quote it:
     * the code and the HTTP status are kept, the host and the port named, the secrets never.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("secretUrlFailures")
    void aUrlsSecretsAreNeverRepeated(
            String what, Throwable failure, Destination to, Code code, Integer status, String reason) {
        DeliveryFailure given = DeliveryFailures.of(failure, to);

        assertThat(given).isEqualTo(new DeliveryFailure(code, status, reason));
        assertThat(given.reason()).doesNotContain("userinfoSecret", "pathSecret", "querySecret", "hook-user");
    }

    private static void assertNoSecret(String reason) {
        assertThat(reason)
                .doesNotContain(PASSWORD, "webhookSecretXYZ", "/services/", "ticker@example.com", "ops@", "oncall@");
    }
}
