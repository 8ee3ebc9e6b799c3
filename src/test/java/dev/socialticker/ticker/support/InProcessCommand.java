package dev.socialticker.ticker.support;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/**
 * A command of the jar ({@code --try}, {@code --authorize}) run in the test's JVM. In production it is
 * a process of its own; here its Spring application configures the JVM's one logging system (root
 * WARN) and cleans it up when it closes, which leaves no appender behind. A test without a Spring
 * context of its own that runs later in the same JVM would then print, and capture, nothing:
 * {@link #restoreLogging} gives the JVM back the logging it started with.
 */
public final class InProcessCommand {
    private InProcessCommand() {}

    /** Logback as a fresh JVM has it: its own default configuration, as before any application started. */
    public static void restoreLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException unreadable) {
            throw new IllegalStateException("logback's default configuration could not be applied", unreadable);
        }
    }
}
