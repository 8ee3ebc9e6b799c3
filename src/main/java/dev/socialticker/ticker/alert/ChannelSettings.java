package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.logging.SecretMasking;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A channel's settings, {@code ticker.alerts.channels.<name>.<setting>}: free-form (a channel file names
 * the setting that holds its webhook URL, token or password), read through the Environment so every
 * relaxed form works ({@code TICKER_ALERTS_CHANNELS_TEAMCHAT_WEBHOOKURL} too). The built-in channels
 * read theirs where they always were: {@code ticker.alerts.slack.*}, {@code ticker.alerts.email.*}.
 * Secrets never come from a file; each value read is registered with the log masking.
 */
@Component
public class ChannelSettings {
    /**
     * How one channel's settings and parameters are named.
     *
     * @param prefix   where its settings are read: {@code ticker.alerts.channels.team-chat.}
     * @param channel  its name
     * @param builtIn  whether its parameters are properties too ({@code ticker.alerts.email.host}), not a file's
     */
    public record Named(String prefix, String channel, boolean builtIn) {
        /** A channel file's: settings under {@code ticker.alerts.channels.<name>.}, parameters in its file. */
        public static Named file(String channel) {
            return new Named("ticker.alerts.channels." + channel + ".", channel, false);
        }

        /** A built-in channel's: settings and parameters are the properties {@code ticker.alerts.<name>.*}. */
        public static Named builtIn(String channel) {
            return new Named("ticker.alerts." + channel + ".", channel, true);
        }

        /** The property of a setting: {@code ticker.alerts.channels.team-chat.webhook-url}. */
        public String setting(String setting) {
            return prefix + setting;
        }

        /**
         * How a parameter is named to whoever must change it: {@code the parameter host of channel 'mail'},
         * or a built-in's property {@code ticker.alerts.email.host}.
         */
        public String parameter(String parameter) {
            return builtIn
                    ? prefix + parameter.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
                    : Destination.PARAMETER + parameter + " of channel '" + channel + "'";
        }

        /** How a channel's failures name it: "the channel 'team-chat'". */
        public String what() {
            return "the channel '" + channel + "'";
        }
    }

    private final Environment environment;

    ChannelSettings(Environment environment) {
        this.environment = environment;
    }

    /** The setting's value, masked in every log line from now on; null when it is unset or blank (or none is named). */
    public String secret(Named named, String setting) {
        String value = value(named, setting);
        SecretMasking.register(value);
        return value;
    }

    /** A setting that is not a secret; null when unset or blank. */
    public String value(Named named, String setting) {
        if (setting == null || setting.isBlank()) {
            return null;
        }
        String value = environment.getProperty(named.setting(setting));
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * A file's parameter names a setting that is not set: the property, the environment variable that
     * sets it too, and that a restart is needed.
     */
    public ParameterProblem notSet(Named named, String setting, String parameter) {
        return ParameterProblem.settingNotSet(named.setting(setting), parameter);
    }
}
