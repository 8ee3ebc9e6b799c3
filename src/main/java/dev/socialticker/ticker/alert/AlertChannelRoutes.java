package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.delivery.DeliveryFailure;
import dev.socialticker.ticker.delivery.DeliveryFailures;
import dev.socialticker.ticker.delivery.DeliveryMeters;
import dev.socialticker.ticker.delivery.DeliveryRecord;
import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.delivery.RetryBackoff;
import dev.socialticker.ticker.json.JsonConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.errorhandler.DeadLetterChannelDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The channels: {@code direct:alert-slack} and {@code direct:alert-email} deliver the {@link Alert} in
 * the exchange property {@link AlertRoutes#ALERT}, each with its own retries and backoff. A channel
 * that fails is logged with the reason ({@code delivery.DeliveryFailures}), counted, and shown in
 * {@code /actuator/health} ({@link AlertChannelsHealthIndicator}).
 */
@Component
class AlertChannelRoutes extends RouteBuilder {
    static final String CHANNEL = "TickerAlertChannel";
    static final String ATTEMPTS = "TickerAlertAttempts";
    private static final Logger log = LoggerFactory.getLogger(AlertChannelRoutes.class);

    /**
     * How long a channel is waited for and retried.
     *
     * @param firstRetry     the first retry's delay; each next one waits twice as long (3 retries)
     * @param connectTimeout for the webhook's connection
     * @param answerTimeout  for the webhook's answer, and the mail server's connection and each answer
     */
    /** A channel's retries after a failed message, with {@link RetryBackoff}'s waits (1 s, 2 s, 4 s). */
    static final int RETRIES = 3;

    record Timing(Duration firstRetry, Duration connectTimeout, Duration answerTimeout) {
        static final Timing STANDARD = new Timing(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private final AlertProperties settings;
    private final AlertMessages messages;
    private final MeterRegistry meters;
    private final DeliveryMeters deliveries;
    private final AlertChannelsHealthIndicator health;
    private final Clock clock;
    private final Timing timing;

    @Autowired
    AlertChannelRoutes(
            AlertProperties settings,
            AlertMessages messages,
            MeterRegistry meters,
            AlertChannelsHealthIndicator health,
            Clock clock) {
        this(settings, messages, meters, health, clock, Timing.STANDARD);
    }

    /** With other timing: tests drive every failure through its retries in milliseconds. */
    AlertChannelRoutes(
            AlertProperties settings,
            AlertMessages messages,
            MeterRegistry meters,
            AlertChannelsHealthIndicator health,
            Clock clock,
            Timing timing) {
        this.settings = settings;
        this.messages = messages;
        this.meters = meters;
        this.deliveries = new DeliveryMeters(meters);
        this.health = health;
        this.clock = clock;
        this.timing = timing;
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        // Every series exists at 0 from the start: Prometheus' increase() and rate() see the
        // first failed delivery as a change, not as a series that merely appeared.
        for (String channel : new String[] {"slack", "email"}) {
            boolean on = channel.equals("slack") ? settings.slack().enabled() : settings.email().enabled();
            for (AlertRule rule : on ? AlertRule.values() : new AlertRule[0]) {
                counter(channel, rule, "sent");
                counter(channel, rule, "failed");
            }
            if (on) {
                deliveries.register(DeliveryMeters.Kind.CHANNEL, channel);
            }
        }

        from(AlertEndpoints.SLACK)
                .routeId("alert-slack")
                .errorHandler(channelErrorHandler())
                .filter(exchange -> settings.slack().enabled() && speaks(exchange, "slack"))
                    .setProperty(CHANNEL, constant("slack"))
                    .process(this::slackRequest)
                    // The message through the service's JSON data format, which also says application/json.
                    .marshal(JsonConfiguration.DATA_FORMAT)
                    // The webhook's URL is a secret: it is set as a header, never in an endpoint URI that is logged.
                    // Timeouts on the request configuration (see provider.http.HttpTimeouts for why there).
                    .to("http://slack-webhook?httpClient.connectTimeout=" + timing.connectTimeout().toMillis()
                            + "&httpClient.responseTimeout=" + timing.answerTimeout().toMillis())
                    .process(exchange -> sent(exchange, "slack"))
                .end();

        from(AlertEndpoints.EMAIL)
                .routeId("alert-email")
                .errorHandler(channelErrorHandler())
                .filter(exchange -> settings.email().enabled() && speaks(exchange, "email"))
                    .setProperty(CHANNEL, constant("email"))
                    .process(this::emailMessage)
                    .to(settings.email().enabled() ? smtpUri(settings.email()) : "log:alert-email-off")
                    .process(exchange -> sent(exchange, "email"))
                .end();

        from(AlertEndpoints.FAILED)
                .routeId("alert-failed")
                .process(this::failed);
    }
    // spotless:on

    /** Retries a channel a few times with backoff, then hands the message to {@code alert-failed}. */
    private DeadLetterChannelDefinition channelErrorHandler() {
        DeadLetterChannelDefinition handler =
                new RetryBackoff(RETRIES, timing.firstRetry()).applyTo(deadLetterChannel(AlertEndpoints.FAILED));
        handler.asyncDelayedRedelivery()
                .onRedelivery(exchange ->
                        exchange.setProperty(ATTEMPTS, exchange.getProperty(ATTEMPTS, 1, Integer.class) + 1))
                .logExhausted(false)
                .logRetryAttempted(false)
                .logStackTrace(false)
                .logHandled(false);
        return handler;
    }

    private void slackRequest(Exchange exchange) {
        Alert alert = exchange.getIn().getBody(Alert.class);
        exchange.getIn().removeHeaders("*");
        exchange.getIn()
                .setHeader(Exchange.HTTP_URI, settings.slack().webhookUrl().toString());
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getIn().setBody(messages.slack(alert));
    }

    private void emailMessage(Exchange exchange) {
        Alert alert = exchange.getIn().getBody(Alert.class);
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setHeader("Subject", messages.subject(alert));
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");

        exchange.getIn().setBody(messages.emailBody(alert));
    }

    private void sent(Exchange exchange, String channel) {
        Alert alert = exchange.getProperty(AlertRoutes.ALERT, Alert.class);
        count(channel, alert, "sent");
        health.sent(channel, alert.incidentKey(), clock.instant());
        log.info("Alert sent via {}: {} {} ({})", channel, alert.kind(), alert.incidentKey(), alert.observed());
    }

    private void failed(Exchange exchange) {
        String channel = exchange.getProperty(CHANNEL, String.class);
        Alert alert = exchange.getProperty(AlertRoutes.ALERT, Alert.class);
        if (alert == null) {
            alert = exchange.getIn().getBody(Alert.class);
        }
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        DeliveryFailure failure = DeliveryFailures.of(cause, destination(channel));
        String reason = failure.reason();
        int attempts = exchange.getProperty(ATTEMPTS, 1, Integer.class);
        count(channel, alert, "failed");
        health.failed(channel, DeliveryRecord.Failed.of(alert.incidentKey(), failure, clock.instant(), attempts));
        log.warn(
                "Alert not delivered via {} after {} attempt(s): {} {}: {}",
                channel,
                attempts,
                alert.kind(),
                alert.incidentKey(),
                reason);
    }

    /** Whether the message's rule speaks on {@code channel} ({@code ticker.alerts.rules.<rule>.channels}). */
    private boolean speaks(Exchange exchange, String channel) {
        Alert alert = exchange.getProperty(AlertRoutes.ALERT, Alert.class);
        return alert == null || settings.speaksOn(alert.rule(), channel);
    }

    /** Where a channel delivers, as its failures name it. */
    private Destination destination(String channel) {
        return "slack".equals(channel)
                ? Destination.of("the webhook", settings.slack().webhookUrl(), "ticker.alerts.slack.webhook-url")
                : Destination.server(settings.email().host(), settings.email().port(), "ticker.alerts.email.host");
    }

    /** Counted in the one delivery metric, and in its older alias {@code ticker_alerts_total} (with the rule). */
    private void count(String channel, Alert alert, String outcome) {
        deliveries.count(
                DeliveryMeters.Kind.CHANNEL,
                channel,
                "sent".equals(outcome) ? DeliveryMeters.Outcome.DELIVERED : DeliveryMeters.Outcome.FAILED);
        counter(channel, alert.rule(), outcome).increment();
    }

    private Counter counter(String channel, AlertRule rule, String outcome) {
        return Counter.builder("ticker.alerts")
                .tag("channel", channel)
                .tag("rule", rule.key())
                .tag("outcome", outcome)
                .description("Alert messages by channel, rule and outcome (sent, failed)")
                .register(meters);
    }

    private String smtpUri(AlertProperties.Email email) {
        StringBuilder uri = new StringBuilder("smtp://")
                .append(email.host())
                .append(':')
                .append(email.port())
                .append("?from=")
                .append(encode(email.from()))
                .append("&to=")
                .append(encode(String.join(",", email.to())))
                // Camel sets both JavaMail timeouts from it: the connection, and each answer after.
                .append("&connectionTimeout=")
                .append(timing.answerTimeout().toMillis());
        if (email.username() != null) {
            uri.append("&username=")
                    .append(encode(email.username()))
                    .append("&password=RAW(")
                    .append(email.password())
                    .append(')');
        }
        if (email.starttls()) {
            // Required, not merely tried: the password never travels in clear text.
            uri.append("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
        }
        return uri.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
