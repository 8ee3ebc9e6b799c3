package dev.socialticker.ticker.alert.channel;

import dev.socialticker.ticker.alert.Alert;
import dev.socialticker.ticker.alert.AlertMessages;
import dev.socialticker.ticker.alert.ChannelSettings;
import dev.socialticker.ticker.alert.ChannelSpec;
import dev.socialticker.ticker.json.JsonDocuments;
import org.springframework.stereotype.Component;

/**
 * Template {@code slack}: an incoming webhook's message, {@code text} for the notification and Block
 * Kit {@code blocks} (mrkdwn) to read ({@link AlertMessages#slack}). Slack answers 200 {@code ok}, or a
 * 4xx with a word of why ({@code invalid_payload}, {@code no_service}, {@code channel_is_archived}).
 */
@Component
class Slack extends WebhookUrlChannel {
    Slack(ChannelSettings settings, JsonDocuments json, AlertMessages messages) {
        super("slack", settings, json, messages);
    }

    @Override
    public String id() {
        return "slack";
    }

    @Override
    Object message(ChannelSpec spec, Alert alert) {
        return messages.slack(alert);
    }

    /** Slack answers 200 and the word {@code ok}. */
    @Override
    String unexpected(int status, String body) {
        return body.equals("ok") ? null : "Slack's \"ok\"";
    }
}
