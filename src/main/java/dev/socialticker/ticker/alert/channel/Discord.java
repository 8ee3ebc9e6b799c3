package dev.socialticker.ticker.alert.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialticker.ticker.alert.Alert;
import dev.socialticker.ticker.alert.AlertMessages;
import dev.socialticker.ticker.alert.ChannelSettings;
import dev.socialticker.ticker.alert.ChannelSpec;
import dev.socialticker.ticker.json.JsonDocuments;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * Template {@code discord}: Discord's Execute Webhook ({@code POST /webhooks/{id}/{token}}), one line
 * of {@code content} for the notification and one embed to read: the headline as its title, what to
 * do as its description, the facts as inline fields, the kind's colour, the time, and the metrics link
 * as its URL. Capped to Discord's documented limits (content 2,000 characters, title 256, description
 * 4,096, a field's value 1,024); {@code allowed_mentions} empty, so an observed text can never ping
 * anyone. Discord answers 204 without {@code ?wait=true}.
 */
@Component
class Discord extends WebhookUrlChannel {
    Discord(ChannelSettings settings, JsonDocuments json, AlertMessages messages) {
        super("discord", settings, json, messages);
    }

    @Override
    public String id() {
        return "discord";
    }

    /** Discord answers 204 without a body (200 with the message, its {@code id}, with {@code ?wait=true}). */
    @Override
    String unexpected(int status, String body) {
        return (status == 204 && body.isEmpty()) || (status == 200 && body.contains("\"id\""))
                ? null
                : "Discord's 204 No Content";
    }

    @Override
    ObjectNode message(ChannelSpec spec, Alert alert) {
        return message(spec.value("username"), alert);
    }

    ObjectNode message(String username, Alert alert) {
        Look look = Look.of(alert);
        String headline = look.emoji() + " " + messages.headline(alert);
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("username", username);
        message.put("content", Look.capped(headline, 2000));
        ObjectNode embed = message.putArray("embeds").addObject();
        embed.put("title", Look.capped(messages.headline(alert), 256));
        embed.put("description", Look.capped(messages.next(alert), 4096));
        embed.put("color", look.rgb());
        ArrayNode fields = embed.putArray("fields");
        messages.facts(alert)
                .forEach((name, value) -> fields.addObject()
                        .put("name", name)
                        .put("value", Look.capped(value, 1024))
                        .put("inline", true));
        embed.put("timestamp", alert.at().truncatedTo(ChronoUnit.SECONDS).toString());
        String link = messages.link(alert);
        if (link != null) {
            embed.put("url", link);
        }
        message.putObject("allowed_mentions").putArray("parse");
        return message;
    }
}
