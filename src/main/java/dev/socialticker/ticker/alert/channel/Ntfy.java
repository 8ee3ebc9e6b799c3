package dev.socialticker.ticker.alert.channel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialticker.ticker.alert.Alert;
import dev.socialticker.ticker.alert.AlertMessages;
import dev.socialticker.ticker.alert.AlertRule;
import dev.socialticker.ticker.alert.ChannelSettings;
import dev.socialticker.ticker.alert.ChannelSpec;
import dev.socialticker.ticker.delivery.HttpCall;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Template {@code ntfy}: a message published as JSON to the server's root URL (ntfy's "publish as
 * JSON": {@code topic}, {@code title}, {@code message}, {@code priority}, {@code tags}, {@code click}),
 * so no header has to carry text. Plain text, well under ntfy's 4,096 bytes. The priority says how
 * urgent by rule ({@link #priority}), the tags show the kind's emoji and the rule. With a token,
 * {@code Authorization: Bearer}. ntfy answers 200 with the message as JSON, or its error JSON
 * ({@code {"code":40101,"http":401,"error":"unauthorized"}}, 429 past its limits).
 */
@Component
class Ntfy extends HttpChannel {
    Ntfy(ChannelSettings settings, JsonDocuments json, AlertMessages messages) {
        super("ntfy", settings, json, messages);
    }

    @Override
    public String id() {
        return "ntfy";
    }

    @Override
    public List<ParameterProblem> problems(ChannelSpec spec) {
        return unset(spec, List.of("token"));
    }

    /** ntfy answers the message it published, as JSON: its {@code id} and {@code "event":"message"}. */
    @Override
    String unexpected(int status, String body) {
        return jsonHas(body, "event", "message") ? null : "ntfy's published message";
    }

    @Override
    HttpCall call(ChannelSpec spec, Alert alert) {
        Map<String, String> headers = new LinkedHashMap<>();
        String token = settings.secret(spec.settings(), spec.value("token"));
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return postJson(
                URI.create(spec.value("url").replaceAll("/+$", "") + "/"),
                headers,
                message(spec.value("topic"), alert));
    }

    ObjectNode message(String topic, Alert alert) {
        Look look = Look.of(alert);
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("topic", topic);
        message.put("title", messages.headline(alert));
        StringBuilder text = new StringBuilder();
        messages.facts(alert)
                .forEach((name, value) ->
                        text.append(name).append(": ").append(value).append('\n'));
        text.append('\n').append(messages.next(alert));
        message.put("message", text.toString());
        message.put("priority", priority(alert));
        message.putArray("tags").add(look.shortcode()).add(alert.rule().key());
        String link = messages.link(alert);
        if (link != null) {
            message.put("click", link);
        }
        return message;
    }

    /**
     * ntfy's priority, 1 (min) to 5 (max): an alert by how much it stops (rejected credentials stop
     * every refresh: 5; failing refreshes, old data and an expiring token: 4; quota and latency: 3), a
     * reminder 3, its end 2, a milestone 3.
     */
    static int priority(Alert alert) {
        return switch (alert.kind()) {
            case ALERT ->
                alert.rule() == AlertRule.AUTH
                        ? 5
                        : alert.rule() == AlertRule.QUOTA || alert.rule() == AlertRule.LATENCY ? 3 : 4;
            case REMINDER, MILESTONE -> 3;
            case RESOLVED -> 2;
        };
    }
}
