package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.config.PropertyRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alert routes ({@code ticker.alerts.*}): the channels (each optional) and the rules' thresholds
 * (docs/alerts.md).
 *
 * @param slack        the Slack channel
 * @param email        the email channel
 * @param repeatAfter  a reminder while an incident lasts, at most this often
 * @param resolveAfter an incident is over once its condition has stayed clear this long; a relapse
 *                     within it continues it
 * @param publicUrl    where the service is reached from outside (named in the messages), e.g.
 *                     https://ticker.example.com
 * @param rules        the alert rules and their thresholds
 * @param channels     settings per channel file (routes/channels/<name>.camel.yaml): the secrets its file
 *                     names, such as webhook-url, token or password. Secret: never logged or returned
 */
@Validated
@ConfigurationProperties("ticker.alerts")
record AlertProperties(
        @Valid @NotNull @DefaultValue Slack slack,
        @Valid @NotNull @DefaultValue Email email,

        @DurationMin(seconds = 1, message = "must be at least 1s") @DefaultValue("1h")
        Duration repeatAfter,

        @DurationMin(nanos = 0, message = "must not be negative") @DefaultValue("5m")
        Duration resolveAfter,

        URI publicUrl,
        @Valid @NotNull @DefaultValue Rules rules,
        Map<String, Map<String, String>> channels)
        implements PropertyRules {

    AlertProperties {
        channels = channels == null ? Map.of() : Map.copyOf(channels);
    }

    /** Every value but the channels' settings, which are secrets. */
    @Override
    public String toString() {
        return "AlertProperties[slack=" + slack + ", email=" + email + ", repeatAfter=" + repeatAfter
                + ", resolveAfter=" + resolveAfter + ", publicUrl=" + publicUrl + ", rules=" + rules
                + ", channels=" + channels.keySet() + " (values masked)]";
    }

    /** Whether {@code rule} speaks on {@code channel}: its channels name it, or name none. */
    boolean speaksOn(AlertRule rule, String channel) {
        List<String> named = rules.of(rule).channels();
        return named.isEmpty() || named.contains(channel);
    }

    /**
     * The built-in e-mail channel needs a sender and recipients, and a password with a login. (A rule's
     * channels are checked against the channels that run, files included, when they start.)
     */
    @Override
    public void check(BiConsumer<String, String> problems) {
        if (email == null || !email.enabled()) {
            return;
        }
        if (email.from() == null || email.from().isBlank()) {
            problems.accept(
                    "ticker.alerts.email.from", "required when ticker.alerts.email.host is set (the sender address)");
        }
        if (email.to().isEmpty()) {
            problems.accept(
                    "ticker.alerts.email.to", "required when ticker.alerts.email.host is set (one or more addresses)");
        }
        if (email.username() != null && email.password() == null) {
            problems.accept("ticker.alerts.email.password", "required when ticker.alerts.email.username is set");
        }
    }

    /**
     * Slack incoming webhook; its URL is a secret (anyone holding it can post to the channel). The
     * built-in channel {@code slack}, of the template {@code slack}.
     *
     * @param webhookUrl Slack incoming webhook; unset = no Slack alerts
     * @param timeout    how long one attempt may take to connect, and then to answer
     * @param retries    attempts after the first failed one; then the message is given up (logged, in health)
     * @param retryDelay the wait before the first retry; doubles at each one, up to a minute
     */
    public record Slack(
            URI webhookUrl,

            @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("10s")
            Duration timeout,

            @Min(value = 0, message = "must be between 0 and 5")
            @Max(value = 5, message = "must be between 0 and 5")
            @DefaultValue("3")
            int retries,

            @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("1s")
            Duration retryDelay)
            implements Timed {

        /** The one binding: the other constructor is for code. */
        @ConstructorBinding
        public Slack {}

        /** Slack at {@code webhookUrl}, with the default timing. */
        public Slack(URI webhookUrl) {
            this(webhookUrl, Timed.TIMEOUT, Timed.RETRIES, Timed.RETRY_DELAY);
        }

        public boolean enabled() {
            return webhookUrl != null;
        }

        @Override
        public String toString() {
            return "Slack[webhookUrl=" + (enabled() ? "****" : "none") + ", timeout=" + timeout + ", retries=" + retries
                    + ", retryDelay=" + retryDelay + "]";
        }
    }

    /**
     * SMTP; unset host = no email. The built-in channel {@code email}, of the template {@code email}.
     *
     * @param host     SMTP server; unset = no email alerts
     * @param port     SMTP port
     * @param from     sender address (required with a host)
     * @param to       one or more recipient addresses (required with a host)
     * @param username SMTP login, when the server asks for one
     * @param password SMTP password (required with a username)
     * @param starttls STARTTLS is required (not merely tried) when true
     * @param timeout    how long one attempt may take to connect, and then each answer
     * @param retries    attempts after the first failed one; then the message is given up (logged, in health)
     * @param retryDelay the wait before the first retry; doubles at each one, up to a minute
     */
    public record Email(
            String host,

            @Min(value = 1, message = "must be a port number") @DefaultValue("587")
            int port,

            String from,
            List<String> to,
            String username,
            String password,
            @DefaultValue("true") boolean starttls,

            @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("10s")
            Duration timeout,

            @Min(value = 0, message = "must be between 0 and 5")
            @Max(value = 5, message = "must be between 0 and 5")
            @DefaultValue("3")
            int retries,

            @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("1s")
            Duration retryDelay)
            implements Timed {

        /** The one binding: the other constructor is for code. */
        @ConstructorBinding
        public Email {
            to = to == null ? List.of() : List.copyOf(to);
        }

        /** The mail server and its login, with the default timing. */
        public Email(
                String host,
                int port,
                String from,
                List<String> to,
                String username,
                String password,
                boolean starttls) {
            this(host, port, from, to, username, password, starttls, Timed.TIMEOUT, Timed.RETRIES, Timed.RETRY_DELAY);
        }

        public boolean enabled() {
            return host != null && !host.isBlank();
        }

        @Override
        public String toString() {
            return "Email[host=" + host + ", port=" + port + ", from=" + from + ", to=" + to + ", username=" + username
                    + ", password=" + (password == null ? "none" : "****") + ", starttls=" + starttls + ", timeout="
                    + timeout + ", retries=" + retries + ", retryDelay=" + retryDelay + "]";
        }
    }

    /** A built-in channel's timing: the parameters every channel file has, as properties. */
    interface Timed {
        Duration TIMEOUT = Duration.ofSeconds(10);
        int RETRIES = 3;
        Duration RETRY_DELAY = Duration.ofSeconds(1);

        Duration timeout();

        int retries();

        Duration retryDelay();

        /** As a channel file writes them: {@code timeout}, {@code retries}, {@code retryDelay}. */
        default java.util.Map<String, String> parameters() {
            return java.util.Map.of(
                    "timeout", timeout().toMillis() + "ms",
                    "retries", Integer.toString(retries()),
                    "retryDelay", retryDelay().toMillis() + "ms");
        }
    }

    /**
     * The alert rules, each with its thresholds.
     *
     * @param failing     a source's refreshes failed several times in a row
     * @param auth        the provider rejected the credentials
     * @param quota       usage near a reported quota, or rate-limited
     * @param latency     refreshes slower than a threshold several times in a row
     * @param dataAge     data older than a maximum age
     * @param tokenExpiry a token expiring soon, where its expiry is known
     * @param milestone   a source's count passed a milestone (ticker.history.milestones): a celebration
     */
    public record Rules(
            @Valid @NotNull @DefaultValue Failing failing,
            @Valid @NotNull @DefaultValue Auth auth,
            @Valid @NotNull @DefaultValue Quota quota,
            @Valid @NotNull @DefaultValue Latency latency,
            @Valid @NotNull @DefaultValue DataAge dataAge,
            @Valid @NotNull @DefaultValue TokenExpiry tokenExpiry,
            @Valid @NotNull @DefaultValue Milestone milestone) {

        /** A rule's settings, for what every rule has (its channels). */
        Routed of(AlertRule rule) {
            return switch (rule) {
                case FAILING -> failing;
                case AUTH -> auth;
                case QUOTA -> quota;
                case LATENCY -> latency;
                case DATA_AGE -> dataAge;
                case TOKEN_EXPIRY -> tokenExpiry;
                case MILESTONE -> milestone;
            };
        }
    }

    /**
     * A source's refreshes failed this many times in a row.
     *
     * @param enabled     whether the rule raises incidents
     * @param consecutive failed refreshes in a row that raise it
     * @param channels the channels it speaks on, by name; empty: every channel
     */
    public record Failing(
            @DefaultValue("true") boolean enabled,

            @Min(value = 1, message = "must be at least 1") @DefaultValue("3")
            int consecutive,

            @DefaultValue List<String> channels)
            implements Routed {}

    /**
     * The provider rejected the credentials (AUTH_FAILED): at once.
     *
     * @param enabled whether the rule raises incidents
     * @param channels the channels it speaks on, by name; empty: every channel
     */
    public record Auth(
            @DefaultValue("true") boolean enabled,
            @DefaultValue List<String> channels) implements Routed {}

    /**
     * Usage at or above this percent of any reported quota, or RATE_LIMITED.
     *
     * @param enabled whether the rule raises incidents
     * @param percent usage, in percent of a reported quota, that raises it
     * @param channels the channels it speaks on, by name; empty: every channel
     */
    public record Quota(
            @DefaultValue("true") boolean enabled,

            @Min(value = 1, message = "must be between 1 and 100")
            @Max(value = 100, message = "must be between 1 and 100")
            @DefaultValue("80")
            int percent,

            @DefaultValue List<String> channels)
            implements Routed {}

    /**
     * Refreshes slower than the threshold this many times in a row.
     *
     * @param enabled     whether the rule raises incidents
     * @param threshold   a refresh slower than this counts
     * @param consecutive slow refreshes in a row that raise it
     * @param channels the channels it speaks on, by name; empty: every channel
     */
    public record Latency(
            @DefaultValue("true") boolean enabled,

            @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("5s")
            Duration threshold,

            @Min(value = 1, message = "must be at least 1") @DefaultValue("3")
            int consecutive,

            @DefaultValue List<String> channels)
            implements Routed {}

    /**
     * Data older than this.
     *
     * @param enabled whether the rule raises incidents
     * @param maxAge  data older than this raises it; three times stale-after when not set
     * @param channels the channels it speaks on, by name; empty: every channel
     */
    public record DataAge(
            @DefaultValue("true") boolean enabled,

            @DurationMin(millis = 1, message = "must be greater than 0")
            Duration maxAge,

            @DefaultValue List<String> channels)
            implements Routed {}

    /**
     * A token expiring within this many days, where its expiry is known.
     *
     * @param enabled whether the rule raises incidents
     * @param days    a token expiring within this many days raises it
     * @param channels the channels it speaks on, by name; empty: every channel
     */
    public record TokenExpiry(
            @DefaultValue("true") boolean enabled,

            @Min(value = 1, message = "must be at least 1") @DefaultValue("7")
            int days,

            @DefaultValue List<String> channels)
            implements Routed {}

    /**
     * A source's count passed a milestone of the ladder (ticker.history.milestones) for the first
     * time: one celebratory message, once per milestone for ever.
     *
     * @param enabled whether milestones are celebrated on the alert channels
     * @param channels the channels it speaks on, by name; empty: every channel
     */
    public record Milestone(
            @DefaultValue("true") boolean enabled,
            @DefaultValue List<String> channels) implements Routed {}

    /**
     * A rule's channels ({@code ticker.alerts.rules.<rule>.channels}): the channels it speaks on, by
     * name; empty (the default) for every configured channel. So milestones can go to the team's chat
     * and {@code auth} to the on-call's mail.
     */
    public interface Routed {
        List<String> channels();
    }
}
