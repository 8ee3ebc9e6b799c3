package dev.socialticker.ticker.alert.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialticker.ticker.alert.Alert;
import dev.socialticker.ticker.alert.AlertMessages;
import dev.socialticker.ticker.alert.ChannelSettings;
import dev.socialticker.ticker.alert.ChannelSpec;
import dev.socialticker.ticker.json.JsonDocuments;
import org.springframework.stereotype.Component;

/**
 * Template {@code microsoft-teams}: a Workflows webhook ("When a Teams webhook request is received")
 * posting an Adaptive Card, in the message shape Microsoft documents for it: {@code type: message},
 * one attachment of {@code application/vnd.microsoft.card.adaptive} whose {@code content} is the card.
 * The card: the headline in the kind's colour, the facts as a FactSet, what to do, and the metrics link
 * as an action. Version 1.2, the highest Teams' mobile app shows. A workflow answers 202 Accepted.
 */
@Component
class MicrosoftTeams extends WebhookUrlChannel {
    static final String CARD_VERSION = "1.2";

    MicrosoftTeams(ChannelSettings settings, JsonDocuments json, AlertMessages messages) {
        super("microsoft-teams", settings, json, messages);
    }

    @Override
    public String id() {
        return "microsoft-teams";
    }

    /**
     * A workflow answers 202 Accepted without a body (integrators report it; Microsoft's pages show no
     * answer), the retired connectors 200 and {@code 1}: an HTML page is neither.
     */
    @Override
    String unexpected(int status, String body) {
        return body.startsWith("<") ? "a workflow's 202 Accepted" : null;
    }

    @Override
    ObjectNode message(ChannelSpec spec, Alert alert) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", CARD_VERSION);
        ArrayNode body = card.putArray("body");
        Look look = Look.of(alert);
        body.addObject()
                .put("type", "TextBlock")
                .put("size", "Medium")
                .put("weight", "Bolder")
                .put("color", look.emphasis())
                .put("wrap", true)
                .put("text", look.emoji() + " " + messages.headline(alert));
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        messages.facts(alert)
                .forEach((title, value) -> facts.addObject().put("title", title).put("value", value));
        body.addObject().put("type", "TextBlock").put("wrap", true).put("text", messages.next(alert));
        String link = messages.link(alert);
        if (link != null) {
            card.putArray("actions")
                    .addObject()
                    .put("type", "Action.OpenUrl")
                    .put("title", "Metrics")
                    .put("url", link);
        }
        return message;
    }
}
