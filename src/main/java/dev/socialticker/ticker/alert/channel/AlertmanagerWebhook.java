package dev.socialticker.ticker.alert.channel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialticker.ticker.alert.Alert;
import dev.socialticker.ticker.alert.AlertMessages;
import dev.socialticker.ticker.alert.AlertRule;
import dev.socialticker.ticker.alert.ChannelSettings;
import dev.socialticker.ticker.alert.ChannelSpec;
import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.delivery.HttpCall;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Template {@code webhook}: each message as Alertmanager's webhook payload, version 4, with the field
 * names and types of its source ({@code notify/webhook/webhook.go}'s {@code Message} embedding
 * {@code template/template.go}'s {@code Data}): {@code version}, {@code groupKey}, {@code truncatedAlerts},
 * {@code status}, {@code receiver}, {@code groupLabels}, {@code commonLabels}, {@code commonAnnotations},
 * {@code externalURL} and {@code alerts[]} ({@code status}, {@code labels}, {@code annotations},
 * {@code startsAt}, {@code endsAt}, {@code generatorURL}, {@code fingerprint}). So any receiver written for
 * Alertmanager works unchanged. One alert per message, its group the source and the rule.
 *
 * <p>As Alertmanager sends them: a firing alert's {@code endsAt} is Go's zero time
 * ({@code 0001-01-01T00:00:00Z}, its dispatcher clears it before a notification), a resolved one's the
 * time it ended; the fingerprint is Prometheus' label-set fingerprint (FNV-1a over the sorted labels),
 * so the ALERT and its RESOLVED carry the same one. A milestone arrives as an alert already over
 * ({@code resolved}, severity {@code info}): an incident tool records it without paging anyone.
 * {@code Content-Type: application/json}; with {@code bearer}, {@code Authorization: Bearer}.
 */
@Component
class AlertmanagerWebhook extends HttpChannel {
    /** How Go writes a {@code time.Time} that was never set. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    AlertmanagerWebhook(ChannelSettings settings, JsonDocuments json, AlertMessages messages) {
        super("webhook", settings, json, messages);
    }

    @Override
    public String id() {
        return "webhook";
    }

    @Override
    public Destination destination(String name, Map<String, String> values, ChannelSettings.Named named) {
        return values.get("url").isEmpty()
                ? secretUrl(values, named, "urlSetting")
                : super.destination(name, values, named);
    }

    @Override
    public List<ParameterProblem> problems(ChannelSpec spec) {
        List<ParameterProblem> problems = new ArrayList<>(unsetOrNoUrl(spec, List.of("urlSetting")));
        problems.addAll(unset(spec, List.of("bearer")));
        boolean url = !spec.value("url").isEmpty();
        boolean setting = !spec.value("urlSetting").isEmpty();
        if (url == setting) {
            problems.add(new ParameterProblem(
                    "url",
                    url
                            ? "give 'url' or 'urlSetting', not both"
                            : "parameter 'url' is required (or 'urlSetting', naming the setting that holds it)",
                    "url: https://incidents.example.com/alertmanager"));
        }
        return problems;
    }

    @Override
    HttpCall call(ChannelSpec spec, Alert alert) {
        URI url = spec.value("url").isEmpty() ? secretUri(spec, "urlSetting") : URI.create(spec.value("url"));
        Map<String, String> headers = new LinkedHashMap<>();
        String token = settings.secret(spec.settings(), spec.value("bearer"));
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return postJson(url, headers, message(spec.name(), alert));
    }

    ObjectNode message(String receiver, Alert alert) {
        boolean resolved = alert.kind() == Alert.Kind.RESOLVED || alert.kind() == Alert.Kind.MILESTONE;
        String status = resolved ? "resolved" : "firing";
        Map<String, String> labels = labels(alert);
        Map<String, String> group = new TreeMap<>(Map.of(
                "alertname", labels.get("alertname"), "source", alert.source().id()));
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("receiver", receiver);
        message.put("status", status);
        ObjectNode one = message.putArray("alerts").addObject();
        one.put("status", status);
        put(one.putObject("labels"), labels);
        put(one.putObject("annotations"), annotations(alert));
        Instant startsAt = alert.kind() == Alert.Kind.MILESTONE ? alert.at() : alert.since();
        one.put("startsAt", time(startsAt));
        one.put("endsAt", resolved ? time(alert.at()) : ZERO_TIME);
        String link = messages.link(alert);
        one.put("generatorURL", link == null ? "" : link);
        one.put("fingerprint", fingerprint(labels));
        put(message.putObject("groupLabels"), group);
        put(message.putObject("commonLabels"), labels);
        put(message.putObject("commonAnnotations"), annotations(alert));
        message.put("externalURL", messages.publicUrl());
        message.put("version", "4");
        message.put("groupKey", "{}:" + render(group));
        message.put("truncatedAlerts", 0);
        return message;
    }

    /**
     * The alert's labels, the same for its ALERT, reminders and RESOLVED: {@code alertname}
     * ({@code Ticker} and the rule, {@code TickerAuth}), {@code rule}, {@code source}, {@code provider},
     * {@code severity}; a milestone's its {@code milestone} too, so each has its own fingerprint.
     */
    static Map<String, String> labels(Alert alert) {
        Map<String, String> labels = new TreeMap<>();
        labels.put("alertname", alertname(alert.rule()));
        labels.put("rule", alert.rule().key());
        labels.put("source", alert.source().id());
        labels.put("provider", alert.source().provider());
        labels.put("severity", severity(alert.rule()));
        if (alert.milestone() != null) {
            labels.put("milestone", Long.toString(alert.milestone().value()));
        }
        return labels;
    }

    private Map<String, String> annotations(Alert alert) {
        Map<String, String> annotations = new TreeMap<>();
        annotations.put("summary", messages.headline(alert));
        annotations.put("description", alert.observed() + " (threshold: " + alert.threshold() + ")");
        annotations.put("observed", alert.observed());
        annotations.put("threshold", alert.threshold());
        annotations.put("advice", messages.next(alert));
        return annotations;
    }

    /** {@code auth} → {@code TickerAuth}, {@code token-expiry} → {@code TickerTokenExpiry}. */
    static String alertname(AlertRule rule) {
        StringBuilder name = new StringBuilder("Ticker");
        for (String word : rule.key().split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    /** {@code critical} when nothing refreshes until someone acts, {@code info} for a milestone, {@code warning} else. */
    static String severity(AlertRule rule) {
        return switch (rule) {
            case AUTH, FAILING -> "critical";
            case MILESTONE -> "info";
            default -> "warning";
        };
    }

    /**
     * Prometheus' fingerprint of a label set ({@code model.LabelsToSignature}): FNV-1a 64 over each
     * label name and value in name order, each followed by the separator byte 255, as 16 hex digits.
     */
    static String fingerprint(Map<String, String> labels) {
        long hash = 0xcbf29ce484222325L;
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            hash = add(hash, label.getKey());
            hash = addByte(hash, (byte) 255);
            hash = add(hash, label.getValue());
            hash = addByte(hash, (byte) 255);
        }
        return String.format(Locale.ROOT, "%016x", hash);
    }

    private static long add(long hash, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = addByte(hash, b);
        }
        return hash;
    }

    private static long addByte(long hash, byte b) {
        return (hash ^ (b & 0xff)) * 0x100000001b3L;
    }

    /** Go's {@code time.Time} in JSON (RFC 3339, UTC, to the second here). */
    private static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A label set as Alertmanager writes a group key: {@code {alertname="TickerAuth", source="x"}}. */
    private static String render(Map<String, String> labels) {
        StringBuilder text = new StringBuilder("{");
        labels.forEach((name, value) -> text.append(text.length() > 1 ? ", " : "")
                .append(name)
                .append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"'));
        return text.append('}').toString();
    }

    private static void put(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }
}
