package dev.socialticker.ticker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.support.SharedServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The service's own console as configured (logback-spring.xml): whatever logs a secret by mistake
 * prints the mask instead, in the message and in the exception. Which form the console has here
 * depends on the test contexts alive in this JVM (Boot initialises logging once per JVM while a
 * context is open), so the forms are checked where they are certain: {@link ConsoleLogEncoderTest}
 * for both, and the packaged jar's own console in PackagedApplicationIT.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleLogMaskingTest extends SharedServiceTest {
    @Autowired
    ConfigurableEnvironment environment;

    /**
     * The service's console as its start-up sets it. A class that ran a command in this JVM before
     * (--try, --authorize: InProcessCommand.restoreLogging) left logback as a fresh JVM has it, and
     * the shared context, already started, does not set it again.
     */
    @BeforeEach
    void theServicesConsole() {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, null);
    }

    @Test
    void linesWithSecretsMasked(CapturedOutput output) {
        LoggerFactory.getLogger("some.library")
                .warn(
                        "calling https://graph.facebook.com/v25.0/1?access_token=EAAB-leaked-42",
                        new IllegalStateException("refused: Authorization: Bearer ghp_leaked.token-99"));

        String line = output.getOut()
                .lines()
                .filter(l -> l.contains("some.library"))
                .findFirst()
                .orElseThrow();
        assertThat(line).contains("WARN").contains("access_token=****").doesNotContain("EAAB-leaked-42");
        assertThat(output.getOut())
                .contains("java.lang.IllegalStateException: refused: Authorization: Bearer ****")
                .doesNotContain("ghp_leaked");
    }
}
