package dev.socialticker.ticker.routefile.problem;

/**
 * A mistake in a template's parameters, named by the parameter it concerns so a file's check can
 * point at that parameter's line.
 *
 * @param parameter the parameter; null for a mistake of the parameters as a whole
 * @param hint      the usual fix, or null
 */
public record ParameterProblem(String parameter, String message, String hint) {
    public ParameterProblem(String parameter, String message) {
        this(parameter, message, null);
    }
}
