package dev.socialticker.ticker.alert.channel;

import dev.socialticker.ticker.alert.AlertMessages;
import dev.socialticker.ticker.alert.ChannelSettings;
import dev.socialticker.ticker.alert.ChannelTemplate;
import dev.socialticker.ticker.alert.Channels;
import dev.socialticker.ticker.json.JsonDocuments;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;

/** The built-in channel templates and their Camel route templates, made as Spring makes them, for a plain Camel context. */
public final class ChannelTemplates {
    private final List<HttpChannel> http;
    private final Email email;

    public ChannelTemplates(ChannelSettings settings, JsonDocuments json, AlertMessages messages) {
        this.http = List.of(
                new Slack(settings, json, messages),
                new Discord(settings, json, messages),
                new MicrosoftTeams(settings, json, messages),
                new Ntfy(settings, json, messages),
                new Telegram(settings, json, messages),
                new AlertmanagerWebhook(settings, json, messages));
        this.email = new Email(settings, messages);
    }

    public List<ChannelTemplate> all() {
        List<ChannelTemplate> all = new ArrayList<>(http);
        all.add(email);
        return all;
    }

    public RouteBuilder routes(Channels channels) {
        return new ChannelRouteTemplates(http, email, channels);
    }
}
