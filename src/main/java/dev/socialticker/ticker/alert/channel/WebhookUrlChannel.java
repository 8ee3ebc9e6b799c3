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

/**
 * A chat's incoming webhook, whose whole URL is the secret (Slack, Discord, a Teams workflow): the
 * parameter {@code webhookUrl} names the setting that holds it, which must be set and hold an
 * {@code http(s)://} URL; the message is one JSON POST to it, without other headers.
 */
abstract class WebhookUrlChannel extends HttpChannel {
    static final String URL = "webhookUrl";

    WebhookUrlChannel(String id, ChannelSettings settings, JsonDocuments json, AlertMessages messages) {
        super(id, settings, json, messages);
    }

    /** The message, as the service documents it. */
    abstract Object message(ChannelSpec spec, Alert alert);

    @Override
    public Destination destination(String name, Map<String, String> values, ChannelSettings.Named named) {
        return secretUrl(values, named, URL);
    }

    @Override
    public List<ParameterProblem> problems(ChannelSpec spec) {
        return unsetOrNoUrl(spec, List.of(URL));
    }

    @Override
    HttpCall call(ChannelSpec spec, Alert alert) {
        return postJson(secretUri(spec, URL), Map.of(), message(spec, alert));
    }
}
