package dev.socialticker.ticker.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad configuration found at start-up: every problem found, each naming the property (or file) and
 * what is allowed. The message is one line ({@code ; } between problems), for logs and health; the
 * start-up report prints a line per problem.
 */
public class TickerConfigurationException extends RuntimeException {
    private final transient List<ConfigurationProblem> problems;

    public TickerConfigurationException(String subject, String reason) {
        this(List.of(new ConfigurationProblem(subject, reason)));
    }

    public TickerConfigurationException(List<ConfigurationProblem> problems) {
        super(problems.stream().map(ConfigurationProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigurationProblem> problems() {
        return problems;
    }
}
