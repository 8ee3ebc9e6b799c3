package dev.socialticker.ticker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The start-up report an operator reads: every problem, one line each, however the start ended. */
class TickerConfigurationFailureAnalyzerTest {

    @Test
    void aRefusalPrintsEveryProblemOnALineOfItsOwn() {
        FailureAnalysis analysis = new TickerConfigurationFailureAnalyzer(null)
                .analyze(new IllegalStateException(
                        "Camel could not start",
                        new TickerConfigurationException(List.of(
                                new ConfigurationProblem("ticker.refresh.period", "must be greater than 0"),
                                new ConfigurationProblem(
                                        "ticker.providers.github.base-uri",
                                        "not a setting of provider 'github'; did you mean"
                                                + " ticker.providers.github.base-url?")))));

        assertThat(analysis.getDescription()).isEqualTo("""
                        Invalid Social Ticker configuration (2 problems):

                          ticker.refresh.period: must be greater than 0
                          ticker.providers.github.base-uri: not a setting of provider 'github'; did you mean \
                        ticker.providers.github.base-url?""");
        assertThat(analysis.getAction()).contains("docs/configuration.md", "routes/README.md");
    }

    @Test
    void problemsFoundBeforeAnotherFailureStillHeadTheReport() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        ConfigurationProblems problems = new ConfigurationProblems();
        problems.add("ticker.refresh.period", "must be greater than 0");
        beanFactory.registerSingleton(ConfigurationProblems.BEAN, problems);

        FailureAnalysis analysis = new TickerConfigurationFailureAnalyzer(beanFactory)
                .analyze(new IllegalStateException("bean creation failed", new NullPointerException()));

        assertThat(analysis.getDescription())
                .startsWith("Invalid Social Ticker configuration (1 problem):\n\n  ticker.refresh.period: must be"
                        + " greater than 0")
                .endsWith("The start then stopped before every check had run: NullPointerException");
    }

    @Test
    void anotherFailureWithNoProblemFoundIsLeftToBootsOwnAnalyzers() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        beanFactory.registerSingleton(ConfigurationProblems.BEAN, new ConfigurationProblems());

        assertThat(new TickerConfigurationFailureAnalyzer(beanFactory)
                        .analyze(new IllegalStateException("port in use")))
                .isNull();
    }
}
