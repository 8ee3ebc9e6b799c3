package dev.socialticker.ticker.config;

import dev.socialticker.ticker.logging.SecretMasking;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns a refused configuration into Boot's short start-up report instead of a stack trace: every
 * problem the start found, one line each. It also answers when the start failed otherwise after
 * problems were found (the start goes on past them, to check the provider files too): the problems
 * come first, then what stopped the start.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class TickerConfigurationFailureAnalyzer implements FailureAnalyzer {
    static final String ACTION = "Fix each property or file named above (docs/configuration.md lists the ticker.*"
            + " properties, routes/README.md the settings of each provider file) and start again.";

    private final BeanFactory beanFactory;

    /** @param beanFactory the failed application's, null when it had none */
    TickerConfigurationFailureAnalyzer(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        TickerConfigurationException refused = find(failure);
        Set<ConfigurationProblem> problems = new LinkedHashSet<>(collected());
        if (refused != null) {
            problems.addAll(refused.problems());
        }
        if (problems.isEmpty()) {
            return null;
        }
        String description = report(List.copyOf(problems));
        if (refused == null) {
            description += "\n\nThe start then stopped before every check had run: " + summary(failure);
        }
        return new FailureAnalysis(description, ACTION, failure);
    }

    /** The lines an operator reads: how many problems, then each, indented. */
    static String report(List<ConfigurationProblem> problems) {
        StringBuilder report = new StringBuilder("Invalid Social Ticker configuration (")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        report.append('\n');
        for (ConfigurationProblem problem : problems) {
            report.append("\n  ").append(problem);
        }
        return SecretMasking.mask(report.toString());
    }

    /** Problems found before the start failed, when the failure is not the refusal itself. */
    private List<ConfigurationProblem> collected() {
        if (beanFactory == null) {
            return List.of();
        }
        try {
            ConfigurationProblems problems =
                    beanFactory.getBeanProvider(ConfigurationProblems.class).getIfAvailable();
            return problems == null ? List.of() : problems.all();
        } catch (RuntimeException unavailable) {
            return List.of(); // a start that failed before the properties were checked
        }
    }

    private static TickerConfigurationException find(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof TickerConfigurationException refused) {
                return refused;
            }
        }
        return null;
    }

    private static String summary(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        return innermost.getClass().getSimpleName() + (message == null ? "" : ": " + SecretMasking.mask(message));
    }
}
