package dev.socialticker.ticker.output;

import dev.socialticker.ticker.logging.SecretMasking;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * An output's settings, {@code ticker.outputs.<name>.<setting>}: free-form (an output file names the
 * setting that holds its token or secret), read through the Environment so every relaxed form works
 * ({@code TICKER_OUTPUTS_OFFICECOUNTER_TOKEN} too). Secrets never come from the file; each value read
 * is registered with the log masking, so it never reaches a log line.
 */
@Component
public class OutputSettings {
    private final Environment environment;

    OutputSettings(Environment environment) {
        this.environment = environment;
    }

    /** The setting's value, or null when it is unset or blank (or no setting is named). */
    public String secret(String output, String setting) {
        String value = value(output, setting);
        SecretMasking.register(value);
        return value;
    }

    /**
     * A file's parameter names a setting that is not set: the property, the environment variable that
     * sets it too, and that a restart is needed.
     *
     * @param parameter the file's parameter that names the setting
     */
    public ParameterProblem notSet(String output, String setting, String parameter) {
        return ParameterProblem.settingNotSet("ticker.outputs." + output + "." + setting, parameter);
    }

    /**
     * A setting that is not a secret (an MQTT user name), not masked: masking a short common word
     * would blank it out of every log line. Null when unset or blank.
     */
    public String value(String output, String setting) {
        if (setting == null || setting.isBlank()) {
            return null;
        }
        String value = environment.getProperty("ticker.outputs." + output + "." + setting);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
