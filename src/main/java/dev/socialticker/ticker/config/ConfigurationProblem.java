package dev.socialticker.ticker.config;

/**
 * One thing wrong with the configuration: what to fix (a property, as the operator set it, or a
 * file) and why, with a hint where one helps. Printed as {@code subject: reason} on a line of its
 * own; never holds a secret's value.
 */
public record ConfigurationProblem(String subject, String reason) {
    @Override
    public String toString() {
        return subject + ": " + reason;
    }
}
