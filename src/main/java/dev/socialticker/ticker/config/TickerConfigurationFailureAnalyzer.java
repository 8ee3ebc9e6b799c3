package dev.socialticker.ticker.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a configuration error into Boot's short start-up report instead of a stack trace. */
class TickerConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<TickerConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TickerConfigurationException cause) {
        return new FailureAnalysis(
                "Invalid Social Ticker configuration: " + cause.getMessage(),
                "Fix the property named above (see the configuration table in docs/configuration.md) and start again.",
                cause);
    }
}
