package dev.socialticker.ticker.alert.channel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialticker.ticker.alert.Alert;
import dev.socialticker.ticker.alert.AlertMessages;
import dev.socialticker.ticker.alert.ChannelSettings;
import dev.socialticker.ticker.alert.ChannelSpec;
import dev.socialticker.ticker.delivery.HttpCall;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Template {@code telegram}: the Bot API's {@code sendMessage} ({@code POST <server>/bot<token>/sendMessage},
 * JSON), {@code parse_mode} HTML: the headline in bold, the facts, what to do, and the metrics link.
 * Every {@code <}, {@code >} and {@code &} of the text is escaped as the Bot API requires; link
 * previews off; at most 4,096 characters. The token stands in the path: it is read from its setting,
 * masked in every log line, and a failure names the server by host and port only. Telegram answers
 * {@code {"ok":true,"result":{…}}}, or an HTTP error with {@code {"ok":false,"error_code":…,"description":…}}.
 */
@Component
class Telegram extends HttpChannel {
    static final int MAX_TEXT = 4096;

    Telegram(ChannelSettings settings, JsonDocuments json, AlertMessages messages) {
        super("telegram", settings, json, messages);
    }

    @Override
    public String id() {
        return "telegram";
    }

    @Override
    public List<ParameterProblem> problems(ChannelSpec spec) {
        return unset(spec, List.of("botToken"));
    }

    /** The Bot API answers {@code {"ok":true,"result":{…}}}. */
    @Override
    String unexpected(int status, String body) {
        return jsonHas(body, "ok", Boolean.TRUE) ? null : "the Bot API's \"ok\":true";
    }

    @Override
    HttpCall call(ChannelSpec spec, Alert alert) {
        String token = settings.secret(spec.settings(), spec.value("botToken"));
        URI url = URI.create(spec.value("url").replaceAll("/+$", "") + "/bot" + token + "/sendMessage");
        return postJson(url, Map.of(), message(spec.value("chatId"), alert));
    }

    ObjectNode message(String chatId, Alert alert) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        if (chatId.startsWith("@")) {
            message.put("chat_id", chatId);
        } else {
            message.put("chat_id", Long.parseLong(chatId));
        }
        StringBuilder text = new StringBuilder();
        text.append("<b>")
                .append(html(Look.of(alert).emoji() + " " + messages.headline(alert)))
                .append("</b>\n\n");
        messages.facts(alert)
                .forEach((name, value) ->
                        text.append(html(name)).append(": ").append(html(value)).append('\n'));
        text.append('\n').append(html(messages.next(alert)));
        String link = messages.link(alert);
        if (link != null) {
            text.append("\n<a href=\"")
                    .append(html(link).replace("\"", "&quot;"))
                    .append("\">Metrics</a>");
        }
        message.put("text", text.length() <= MAX_TEXT ? text.toString() : Look.capped(text.toString(), MAX_TEXT));
        message.put("parse_mode", "HTML");
        message.putObject("link_preview_options").put("is_disabled", true);
        return message;
    }

    /** The Bot API's HTML: {@code &} first, then {@code <} and {@code >}. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
