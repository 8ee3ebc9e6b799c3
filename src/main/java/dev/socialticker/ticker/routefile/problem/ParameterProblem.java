package dev.socialticker.ticker.routefile.problem;

import java.util.Locale;

/**
 * A mistake in a template's parameters, named by the parameter it concerns so a file's check can
 * point at that parameter's line.
 *
 * @param parameter the parameter; null for a mistake of the parameters as a whole
 * @param hint      the usual fix, or null
 */
public record ParameterProblem(String parameter, String message, String hint) {
    /** Why a changed setting needs a restart, whatever reloads. */
    public static final String SETTINGS_AT_START_UP =
            "settings are read when the service starts; ticker.routes.reload applies changed files, not changed settings";

    /**
     * The hint to a setting's problem: a running service sees no setting set after it started (its
     * environment is fixed; its configuration files were read once), reload or not.
     */
    public static final String READ_AT_START_UP = "set it, then restart the service: " + SETTINGS_AT_START_UP;

    public ParameterProblem(String parameter, String message) {
        this(parameter, message, null);
    }

    /**
     * A file's parameter names a setting that is not set: the property, the environment variable that
     * sets it too (Spring Boot's relaxed form), and that a restart is needed.
     *
     * @param parameter the file's parameter that names the setting
     */
    public static ParameterProblem settingNotSet(String property, String parameter) {
        return new ParameterProblem(
                parameter,
                "parameter '" + parameter + "' names the setting " + property + " (environment variable "
                        + property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT) + "), which is not set",
                READ_AT_START_UP);
    }
}
