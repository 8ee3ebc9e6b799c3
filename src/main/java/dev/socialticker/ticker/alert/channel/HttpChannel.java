package dev.socialticker.ticker.alert.channel;

import dev.socialticker.ticker.alert.Alert;
import dev.socialticker.ticker.alert.AlertMessages;
import dev.socialticker.ticker.alert.ChannelSettings;
import dev.socialticker.ticker.alert.ChannelSpec;
import dev.socialticker.ticker.alert.ChannelTemplate;
import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.delivery.HttpCall;
import dev.socialticker.ticker.delivery.UnexpectedAnswerException;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/** A channel template that delivers with one HTTP request, most of them a JSON POST to a webhook. */
abstract class HttpChannel implements ChannelTemplate {
    private final TemplateDefinition definition;
    final ChannelSettings settings;
    final AlertMessages messages;
    private final JsonDocuments json;

    HttpChannel(String id, ChannelSettings settings, JsonDocuments json, AlertMessages messages) {
        this.definition = TemplateDefinition.load("alert/" + id + ".definition.yaml", Map.of());
        this.settings = settings;
        this.json = json;
        this.messages = messages;
    }

    @Override
    public TemplateDefinition definition() {
        return definition;
    }

    /** The request that delivers this message; secrets read from the channel's settings. */
    abstract HttpCall call(ChannelSpec spec, Alert alert);

    /**
     * Whether the answer is the service's: null when it is, else what the service answers, in words
     * ({@code "its ok"}). By default any success status will do, as for Alertmanager's receivers.
     */
    String unexpected(int status, String body) {
        return null;
    }

    /** The route's step after the call: an answer in a foreign shape is a failure, not a delivery. */
    void checkAnswer(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = exchange.getMessage().getBody(String.class);
        String expected = unexpected(status == null ? 0 : status, body == null ? "" : body.strip());
        if (expected != null) {
            throw new UnexpectedAnswerException(status == null ? 0 : status, expected);
        }
    }

    /** Whether {@code body} is a JSON object whose {@code field} is {@code value} (a string, or true). */
    boolean jsonHas(String body, String field, Object value) {
        if (!body.startsWith("{")) {
            return false;
        }
        try {
            Object read = json.read(body.getBytes(StandardCharsets.UTF_8));
            return read instanceof Map<?, ?> map && value.equals(map.get(field));
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** A JSON POST of {@code document} to {@code url}. */
    HttpCall postJson(URI url, Map<String, String> headers, Object document) {
        return new HttpCall("POST", url, headers, "application/json", json.write(document));
    }

    /** Every setting the channel's parameters name must be set; {@code required}: even when the parameter is empty. */
    List<ParameterProblem> unset(ChannelSpec spec, List<String> parameters) {
        List<ParameterProblem> problems = new ArrayList<>();
        for (String parameter : parameters) {
            String setting = spec.value(parameter);
            if (!setting.isEmpty() && settings.secret(spec.settings(), setting) == null) {
                problems.add(settings.notSet(spec.settings(), setting, parameter));
            }
        }
        return problems;
    }

    /**
     * The settings {@code parameters} name must be set, and hold an {@code http(s)://} URL; the value
     * is never quoted, it is a secret.
     */
    List<ParameterProblem> unsetOrNoUrl(ChannelSpec spec, List<String> parameters) {
        List<ParameterProblem> problems = unset(spec, parameters);
        for (String parameter : parameters) {
            String setting = spec.value(parameter);
            String value = setting.isEmpty() ? null : settings.secret(spec.settings(), setting);
            if (value != null && !isHttpUrl(value)) {
                problems.add(new ParameterProblem(
                        parameter,
                        "the setting " + spec.settings().setting(setting) + " that parameter '" + parameter
                                + "' names does not hold an http:// or https:// URL",
                        ParameterProblem.READ_AT_START_UP));
            }
        }
        return problems;
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value.strip());
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    /** By default, a channel that delivers to the server its {@code url} parameter names (ntfy, Telegram). */
    @Override
    public Destination destination(String name, Map<String, String> values, ChannelSettings.Named named) {
        return Destination.of(named.what(), values.get("url"), named.parameter("url"));
    }

    /** A channel whose whole URL is the secret setting its {@code parameter} names (a webhook's). */
    Destination secretUrl(Map<String, String> values, ChannelSettings.Named named, String parameter) {
        String setting = values.get(parameter);
        return Destination.of(named.what(), settings.secret(named, setting), named.setting(setting));
    }

    /** The URL in the setting {@code parameter} names (checked to be set before the channel runs). */
    URI secretUri(ChannelSpec spec, String parameter) {
        return URI.create(
                settings.secret(spec.settings(), spec.value(parameter)).strip());
    }
}
