package dev.socialticker.ticker.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words of every alert: a Slack message ({@code text} plus Block Kit blocks) and an email
 * (subject and plain-text body). Made only of the service's own facts about the incident: source,
 * provider, rule, what was observed in the service's words, threshold, since when. No credential,
 * setting or upstream body is ever among them. A milestone is a celebration, in one friendly line:
 * the source, its profile and provider, the milestone and the count. Every channel template says the
 * same facts ({@link #facts}, {@link #next}, {@link #link}) in its service's own form; Slack's message
 * and the email are written here, the others beside their templates ({@code alert.channel}).
 */
public final class AlertMessages {
    private static final String GUIDE = "docs/alerts.md of Social Ticker";
    private final URI publicUrl;
    private final ProviderDisplays displays;

    /**
     * @param publicUrl where the service is reached from outside; null: not named
     * @param displays  how each provider is named and what it counts
     */
    public AlertMessages(URI publicUrl, ProviderDisplays displays) {
        this.publicUrl = publicUrl;
        this.displays = displays;
    }

    /** "ALERT instagram-acme: the access token was rejected". */
    public String headline(Alert alert) {
        if (alert.kind() == Alert.Kind.MILESTONE) {
            return celebration(alert);
        }
        return alert.kind() + " " + alert.source().id() + ": " + alert.rule().condition()
                + (alert.kind() == Alert.Kind.RESOLVED ? " — over" : "");
    }

    public String subject(Alert alert) {
        if (alert.kind() == Alert.Kind.MILESTONE) {
            long value = alert.milestone().value();
            return "[Social Ticker] 🎉 " + alert.source().id() + " passed " + number(value) + " "
                    + displays.of(alert.source().provider()).counts().of(value);
        }
        return "[Social Ticker] " + headline(alert);
    }

    /** "instagram-acme (acme on Instagram) passed 10,000 followers — 10,004 now." */
    public String celebration(Alert alert) {
        Alert.Milestone milestone = alert.milestone();
        ProviderDisplay display = displays.of(alert.source().provider());
        String profile = milestone.profile() == null || milestone.profile().isBlank()
                ? "on " + display.name()
                : milestone.profile() + " on " + display.name();
        return alert.source().id() + " (" + profile + ") passed " + number(milestone.value()) + " "
                + display.counts().of(milestone.value()) + " — " + number(milestone.count()) + " now.";
    }

    /** 10004 → "10,004": grouped as the ticker's audience reads a count. */
    public static String number(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /** Slack's incoming-webhook message: {@code text} for notifications, Block Kit {@code blocks} to read. */
    public ObjectNode slack(Alert alert) {
        if (alert.kind() == Alert.Kind.MILESTONE) {
            return slackCelebration(alert);
        }
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("text", emoji(alert) + " " + headline(alert));
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", emoji(alert) + " " + headline(alert));
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        field(fields, "Source", alert.source().id());
        field(fields, "Provider", alert.source().provider());
        field(fields, "Rule", alert.rule().key());
        field(fields, "Observed", alert.observed());
        field(fields, "Threshold", alert.threshold());
        field(fields, "Since", alert.since().truncatedTo(ChronoUnit.SECONDS).toString());
        String next =
                alert.kind() == Alert.Kind.RESOLVED ? over(alert) : alert.rule().advice();
        blocks.addObject()
                .put("type", "section")
                .putObject("text")
                .put("type", "mrkdwn")
                .put("text", next);
        if (publicUrl != null) {
            blocks.addObject()
                    .put("type", "context")
                    .putArray("elements")
                    .addObject()
                    .put("type", "mrkdwn")
                    .put("text", "<" + metricsUrl(alert) + "|" + metricsUrl(alert) + ">");
        }
        return message;
    }

    /** One line to read at a glance, and when; the link to the metrics when the public URL is set. */
    private ObjectNode slackCelebration(Alert alert) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("text", ":tada: " + celebration(alert));
        ArrayNode blocks = message.putArray("blocks");
        blocks.addObject()
                .put("type", "section")
                .putObject("text")
                .put("type", "mrkdwn")
                .put("text", ":tada: " + celebration(alert));
        ArrayNode context = blocks.addObject().put("type", "context").putArray("elements");
        context.addObject()
                .put("type", "mrkdwn")
                .put("text", "Read at " + alert.at().truncatedTo(ChronoUnit.SECONDS) + "; sent once per milestone.");
        if (publicUrl != null) {
            context.addObject()
                    .put("type", "mrkdwn")
                    .put("text", "<" + metricsUrl(alert) + "|" + metricsUrl(alert) + ">");
        }
        return message;
    }

    public String emailBody(Alert alert) {
        if (alert.kind() == Alert.Kind.MILESTONE) {
            return emailCelebration(alert);
        }
        StringBuilder body = new StringBuilder();
        body.append(headline(alert)).append(".\n\n");
        body.append("Source:    ").append(alert.source().id()).append('\n');
        body.append("Provider:  ").append(alert.source().provider()).append('\n');
        body.append("Rule:      ").append(alert.rule().key()).append('\n');
        body.append("Observed:  ").append(alert.observed()).append('\n');
        body.append("Threshold: ").append(alert.threshold()).append('\n');
        body.append("Since:     ")
                .append(alert.since().truncatedTo(ChronoUnit.SECONDS))
                .append('\n');
        body.append('\n');
        if (alert.kind() == Alert.Kind.RESOLVED) {
            body.append(over(alert)).append('\n');
        } else {
            body.append("What to do: ").append(alert.rule().advice()).append('\n');
            if (alert.kind() == Alert.Kind.REMINDER) {
                body.append("(A reminder: this incident is still open.)\n");
            }
        }
        if (publicUrl != null) {
            body.append("\nMetrics: ").append(metricsUrl(alert)).append('\n');
        }
        body.append("How alerts work: ").append(GUIDE).append('\n');
        return body.toString();
    }

    private String emailCelebration(Alert alert) {
        StringBuilder body = new StringBuilder();
        body.append("🎉 ").append(celebration(alert)).append("\n\n");
        body.append("Source:    ").append(alert.source().id()).append('\n');
        body.append("Provider:  ").append(alert.source().provider()).append('\n');
        body.append("Milestone: ").append(number(alert.milestone().value())).append('\n');
        body.append("Count:     ")
                .append(number(alert.milestone().count()))
                .append(" at ")
                .append(alert.at().truncatedTo(ChronoUnit.SECONDS))
                .append('\n');
        body.append('\n');
        body.append("Nothing to do: each milestone is celebrated once, however often the count dips and\n")
                .append("passes it again. No more of these: ticker.alerts.rules.milestone.enabled=false.\n");
        if (publicUrl != null) {
            body.append("\nMetrics: ").append(metricsUrl(alert)).append('\n');
        }
        body.append("How alerts work: ").append(GUIDE).append('\n');
        return body.toString();
    }

    /**
     * The facts every channel shows, in order, by label: for an incident the source, provider, rule,
     * what was observed, the threshold and since when; for a milestone the source, provider, milestone
     * and count.
     */
    public Map<String, String> facts(Alert alert) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Source", alert.source().id());
        facts.put("Provider", alert.source().provider());
        if (alert.kind() == Alert.Kind.MILESTONE) {
            facts.put("Milestone", number(alert.milestone().value()));
            facts.put("Count", number(alert.milestone().count()));
            return facts;
        }
        facts.put("Rule", alert.rule().key());
        facts.put("Observed", alert.observed());
        facts.put("Threshold", alert.threshold());
        facts.put("Since", alert.since().truncatedTo(ChronoUnit.SECONDS).toString());
        return facts;
    }

    /** What to do next: the rule's advice, that it is over, or (a milestone) nothing. */
    public String next(Alert alert) {
        return switch (alert.kind()) {
            case RESOLVED -> over(alert);
            case MILESTONE -> "Read at " + alert.at().truncatedTo(ChronoUnit.SECONDS) + "; sent once per milestone.";
            case REMINDER -> alert.rule().advice() + " (A reminder: this incident is still open.)";
            case ALERT -> alert.rule().advice();
        };
    }

    /** Where the service is reached from outside ({@code ticker.alerts.public-url}); empty when not set. */
    public String publicUrl() {
        return publicUrl == null ? "" : publicUrl.toString().replaceAll("/+$", "");
    }

    /** The source's metrics at the public URL; null when {@code ticker.alerts.public-url} is not set. */
    public String link(Alert alert) {
        return publicUrl == null ? null : metricsUrl(alert);
    }

    private static String over(Alert alert) {
        return "Over at " + alert.at().truncatedTo(ChronoUnit.SECONDS) + ": nothing to do.";
    }

    private String metricsUrl(Alert alert) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return base + "/api/metrics/" + alert.source().id();
    }

    private static void field(ArrayNode fields, String name, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", "*" + name + "*\n" + value);
    }

    private static String emoji(Alert alert) {
        return switch (alert.kind()) {
            case ALERT -> ":red_circle:";
            case REMINDER -> ":large_orange_circle:";
            case RESOLVED -> ":large_green_circle:";
            case MILESTONE -> ":tada:";
        };
    }
}
