package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.TickerProperties;
import dev.socialticker.ticker.config.TickerSource;
import dev.socialticker.ticker.store.RefreshOutcome;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.token.TokenStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.errorhandler.DeadLetterChannelDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The alert routes. Refresh outcomes arrive on a queue ({@link RefreshOutcome#ENDPOINT}), so alerting
 * never runs on, or slows, a refresh; a timer judges what time alone changes (data age, token
 * expiry, reminders, incidents that are over). Each message goes to every configured channel, in
 * parallel, each with its own retries and backoff: a channel that fails is logged and counted, and
 * the other still delivers.
 */
@Component
class AlertRoutes extends RouteBuilder {
    static final String CHANNEL = "TickerAlertChannel";
    static final String ATTEMPTS = "TickerAlertAttempts";
    /** Exchange property holding the message being delivered. */
    static final String ALERT = "TickerAlert";
    /** Decided messages wait here for delivery, off the threads that judge. */
    static final String DELIVERIES = "seda:alert-deliveries?size=1000&discardWhenFull=true";
    /** How often time-based conditions are judged; bounds how late a reminder or a resolved message is. */
    static final long CHECK_MILLIS = 30_000;
    private static final Logger log = LoggerFactory.getLogger(AlertRoutes.class);

    private final TickerProperties.Alerts settings;
    private final Incidents incidents;
    private final AlertConditions conditions;
    private final AlertMessages messages;
    private final SourceCatalog catalog;
    private final SnapshotStore store;
    private final TokenStatus tokens;
    private final MeterRegistry meters;
    private final Clock clock;

    AlertRoutes(TickerProperties properties, Incidents incidents, AlertConditions conditions, AlertMessages messages,
            SourceCatalog catalog, SnapshotStore store, TokenStatus tokens, MeterRegistry meters, Clock clock) {
        this.settings = properties.alerts();
        this.incidents = incidents;
        this.conditions = conditions;
        this.messages = messages;
        this.catalog = catalog;
        this.store = store;
        this.tokens = tokens;
        this.meters = meters;
        this.clock = clock;
    }

    private boolean enabled() {
        return settings.slack().enabled() || settings.email().enabled();
    }

    @Override
    public void configure() {
        if (enabled()) {
            log.info("Alerts go to{}{}", settings.slack().enabled() ? " Slack" : "",
                    settings.email().enabled() ? " email (" + settings.email().to().size() + " recipient(s))" : "");
            // Every series exists at 0 from the start: Prometheus' increase() and rate() see the
            // first failed delivery as a change, not as a series that merely appeared.
            for (String channel : new String[] {"slack", "email"}) {
                boolean on = channel.equals("slack") ? settings.slack().enabled() : settings.email().enabled();
                for (AlertRule rule : on ? AlertRule.values() : new AlertRule[0]) {
                    counter(channel, rule, "sent");
                    counter(channel, rule, "failed");
                }
            }
        } else {
            log.info("Alerts are off: set ticker.alerts.slack.webhook-url or ticker.alerts.email.host to receive them");
        }

        // Always consumed, so the queue never fills; judged only when a channel is configured.
        from(RefreshOutcome.ENDPOINT)
                .routeId("alert-outcomes")
                .filter(exchange -> enabled())
                    .process(exchange -> exchange.getIn().setBody(judge(exchange.getIn().getBody(RefreshOutcome.class))))
                    .split(body())
                        .to(DELIVERIES)
                    .end()
                .end();

        // First a few seconds after start: messages a stop interrupted are sent again, then time is judged.
        from("timer:alert-check?period=" + CHECK_MILLIS + "&delay=5000")
                .routeId("alert-check-timer")
                .to("direct:alert-check");

        from("direct:alert-check")
                .routeId("alert-check")
                .filter(exchange -> enabled())
                    .process(exchange -> exchange.getIn().setBody(check()))
                    .split(body())
                        .to(DELIVERIES)
                    .end()
                .end();

        // Several at once: a channel that is being retried holds up only its own message.
        from(DELIVERIES + "&concurrentConsumers=4")
                .routeId("alert-deliver")
                // Once tried on every channel (sent, or failed after its retries) it leaves the outbox. On
                // completion rather than as a last step: a channel's dead-letter handling ends the route.
                .onCompletion()
                    .process(exchange -> incidents.delivered(exchange.getProperty(ALERT, Alert.class)))
                .end()
                .process(exchange -> exchange.setProperty(ALERT, exchange.getIn().getBody(Alert.class)))
                .multicast().parallelProcessing()
                    .to("direct:alert-slack", "direct:alert-email")
                .end();

        from("direct:alert-slack")
                .routeId("alert-slack")
                .errorHandler(channelErrorHandler())
                .filter(exchange -> settings.slack().enabled())
                    .setProperty(CHANNEL, constant("slack"))
                    .process(this::slackRequest)
                    // The webhook's URL is a secret: it is set as a header, never in an endpoint URI that is logged.
                    // Timeouts on the request configuration (see provider.http.HttpTimeouts for why there).
                    .to("http://slack-webhook?httpClient.connectTimeout=5000&httpClient.responseTimeout=10000")
                    .process(exchange -> sent(exchange, "slack"))
                .end();

        from("direct:alert-email")
                .routeId("alert-email")
                .errorHandler(channelErrorHandler())
                .filter(exchange -> settings.email().enabled())
                    .setProperty(CHANNEL, constant("email"))
                    .process(this::emailMessage)
                    .to(settings.email().enabled() ? smtpUri(settings.email()) : "log:alert-email-off")
                    .process(exchange -> sent(exchange, "email"))
                .end();

        from("direct:alert-failed")
                .routeId("alert-failed")
                .process(this::failed);
    }

    /** Retries a channel a few times with backoff, then hands the message to {@code alert-failed}. */
    private DeadLetterChannelDefinition channelErrorHandler() {
        DeadLetterChannelDefinition handler = deadLetterChannel("direct:alert-failed");
        handler.maximumRedeliveries(3).redeliveryDelay(1000).useExponentialBackOff().backOffMultiplier(2)
                .asyncDelayedRedelivery()
                .onRedelivery(exchange -> exchange.setProperty(ATTEMPTS, exchange.getProperty(ATTEMPTS, 1, Integer.class) + 1))
                .logExhausted(false).logRetryAttempted(false).logStackTrace(false).logHandled(false);
        return handler;
    }

    private List<Alert> judge(RefreshOutcome outcome) {
        Instant now = clock.instant();
        List<Alert> alerts = new ArrayList<>();
        conditions.judge(outcome).forEach(verdict -> incidents.judge(outcome.source(), verdict, now)
                .ifPresent(alerts::add));
        return alerts;
    }

    /** Time-based verdicts, then reminders and resolutions; first of all, what a stop interrupted. */
    private List<Alert> check() {
        Instant now = clock.instant();
        List<Alert> alerts = new ArrayList<>(incidents.takeRecovered());
        for (TickerSource source : catalog.all()) {
            conditions.judgeAge(store.stateOf(source).snapshot(), now)
                    .forEach(verdict -> incidents.judge(source, verdict, now).ifPresent(alerts::add));
            conditions.judgeToken(source, tokens.expiresAt(source.provider()), tokens.refreshProblem(source.provider()),
                            now)
                    .forEach(verdict -> incidents.judge(source, verdict, now).ifPresent(alerts::add));
        }
        alerts.addAll(incidents.tick(now));
        return alerts;
    }

    private void slackRequest(Exchange exchange) {
        Alert alert = exchange.getIn().getBody(Alert.class);
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setHeader(Exchange.HTTP_URI, settings.slack().webhookUrl().toString());
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        
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
        Alert alert = exchange.getProperty(ALERT, Alert.class);
        count(channel, alert, "sent");
        log.info("Alert sent via {}: {} {} ({})", channel, alert.kind(), alert.incidentKey(), alert.observed());
    }

    private void failed(Exchange exchange) {
        String channel = exchange.getProperty(CHANNEL, String.class);
        Alert alert = exchange.getProperty(ALERT, Alert.class);
        if (alert == null) {
            alert = exchange.getIn().getBody(Alert.class);
        }
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        count(channel, alert, "failed");
        log.warn("Alert not delivered via {} after {} attempt(s): {} {}: {}", channel,
                exchange.getProperty(ATTEMPTS, 1, Integer.class), alert.kind(),
                alert.incidentKey(), reason(cause));
    }

    private void count(String channel, Alert alert, String outcome) {
        counter(channel, alert.rule(), outcome).increment();
    }

    private Counter counter(String channel, AlertRule rule, String outcome) {
        return Counter.builder("ticker.alerts").tag("channel", channel).tag("rule", rule.key())
                .tag("outcome", outcome).description("Alert messages by channel, rule and outcome (sent, failed)")
                .register(meters);
    }

    /**
     * Why a channel failed, without what an exception may carry: a webhook URL is a secret, and a
     * mail server's answer may quote the login.
     */
    static String reason(Throwable cause) {
        if (cause instanceof HttpOperationFailedException http) {
            return "the webhook answered HTTP " + http.getStatusCode();
        }
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? "unknown" : root.getClass().getSimpleName();
    }

    private static String smtpUri(TickerProperties.Email email) {
        StringBuilder uri = new StringBuilder("smtp://").append(email.host()).append(':').append(email.port())
                .append("?from=").append(encode(email.from()))
                .append("&to=").append(encode(String.join(",", email.to())))
                .append("&connectionTimeout=10000");
        if (email.username() != null) {
            uri.append("&username=").append(encode(email.username()))
                    .append("&password=RAW(").append(email.password()).append(')');
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
