package dev.socialticker.ticker.alert.channel;

import dev.socialticker.ticker.alert.Alert;
import dev.socialticker.ticker.alert.AlertMessages;
import dev.socialticker.ticker.alert.ChannelSettings;
import dev.socialticker.ticker.alert.ChannelSpec;
import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.delivery.HttpCall;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Template {@code slack}: an incoming webhook's message, {@code text} for the notification and Block
 * Kit {@code blocks} (mrkdwn) to read ({@link AlertMessages#slack}). Slack answers 200 {@code ok}, or a
 * 4xx with a word of why ({@code invalid_payload}, {@code no_service}, {@code channel_is_archived}).
 */
@Component
class Slack extends HttpChannel {
    private final AlertMessages messages;

    Slack(ChannelSettings settings, JsonDocuments json, AlertMessages messages) {
        super("slack", settings, json);
        this.messages = messages;
    }

    @Override
    public String id() {
        return "slack";
    }

    @Override
    public Destination destination(String name, Map<String, String> values, ChannelSettings.Named named) {
        return secretUrl(values, named, "webhookUrl");
    }

    @Override
    public List<ParameterProblem> problems(ChannelSpec spec) {
        return unsetOrNoUrl(spec, List.of("webhookUrl"));
    }

    /** Slack answers 200 and the word {@code ok}. */
    @Override
    String unexpected(int status, String body) {
        return body.equals("ok") ? null : "Slack's \"ok\"";
    }

    @Override
    HttpCall call(ChannelSpec spec, Alert alert) {
        return postJson(secretUri(spec, "webhookUrl"), Map.of(), messages.slack(alert));
    }
}
