package dev.socialticker.ticker.output.mqtt;

import dev.socialticker.ticker.output.OutputSettings;
import dev.socialticker.ticker.output.OutputSpec;
import dev.socialticker.ticker.output.OutputTemplate;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Template {@code mqtt}: each source's JSON, retained, on {@code <baseTopic>/<source id>/state}, and
 * (with {@code discovery}) Home Assistant's discovery config so a sensor per source appears by itself.
 * The broker's user name and password are the settings {@value #USERNAME} and {@value #PASSWORD}
 * under {@code ticker.outputs.<name>}, fixed names: an MQTT login is always these two, so a file has
 * nothing to name. The route is {@link MqttOutputTemplate}'s; a push is {@link MqttPush}'s.
 */
@Component
class MqttOutput implements OutputTemplate {
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    private final TemplateDefinition definition = TemplateDefinition.load("output/mqtt.definition.yaml", Map.of());
    private final OutputSettings settings;

    MqttOutput(OutputSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return "mqtt";
    }

    @Override
    public TemplateDefinition definition() {
        return definition;
    }

    /**
     * With an {@code awtrixPrefix}, again every minute without a change (as {@code awtrix-http}): the
     * clock's app has a lifetime, which must mean the service stopped, not that the count stood still.
     * Home Assistant alone needs no repeat: its sensor keeps the retained state.
     */
    @Override
    public Duration repeat(Map<String, String> parameters) {
        return parameters.get("awtrixPrefix").isEmpty() ? Duration.ZERO : Duration.ofSeconds(60);
    }

    /** With discovery, a source without a count gets its sensor at once, in state unknown. */
    @Override
    public boolean announcesSourcesWithoutCount(Map<String, String> parameters) {
        return Boolean.parseBoolean(parameters.get("discovery"));
    }

    /** What the declaration cannot check: a password without a user, a timeout past a minute. */
    @Override
    public List<ParameterProblem> problems(OutputSpec spec) {
        try {
            settings(spec);
            return List.of();
        } catch (IllegalArgumentException wrong) {
            // MqttSettings starts with the parameter it is about ("url: …"), or speaks of the login
            // settings, and never echoes the password.
            String message = wrong.getMessage();
            String named = message.replaceFirst(":.*", "");
            String parameter = definition.names().contains(named)
                            || OutputSpec.COMMON.names().contains(named)
                    ? named
                    : null;
            return List.of(
                    parameter != null
                            ? new ParameterProblem(parameter, "mqtt: " + message)
                            : new ParameterProblem(
                                    null,
                                    "mqtt: " + message + " (settings ticker.outputs." + spec.name() + "." + USERNAME
                                            + " and ." + PASSWORD + ")",
                                    ParameterProblem.READ_AT_START_UP));
        }
    }

    /** The connection's settings: the file's parameters, the login from the output's settings. */
    MqttSettings settings(OutputSpec spec) {
        return new MqttSettings(
                spec.value("url"),
                settings.value(spec.name(), USERNAME),
                settings.secret(spec.name(), PASSWORD),
                spec.value("clientId"),
                spec.value("baseTopic"),
                spec.value("discoveryPrefix"),
                spec.value("nodeId"),
                spec.timeout());
    }
}
