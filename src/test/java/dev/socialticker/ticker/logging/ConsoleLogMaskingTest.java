package dev.socialticker.ticker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The service's own console as configured (logback-spring.xml, no structured format set): readable
 * lines, and whatever logs a secret by mistake prints the mask instead, in the message and in the
 * exception. {@link ConsoleLogEncoderTest} covers the JSON form.
 */
@SpringBootTest(properties = "ticker.refresh.initial-delay=1h")
@ExtendWith(OutputCaptureExtension.class)
class ConsoleLogMaskingTest {

    @Test
    void readableLinesWithSecretsMasked(CapturedOutput output) {
        LoggerFactory.getLogger("some.library").warn("calling https://graph.facebook.com/v25.0/1?access_token=EAAB-leaked-42",
                new IllegalStateException("refused: Authorization: Bearer ghp_leaked.token-99"));

        String line = output.getOut().lines().filter(l -> l.contains("some.library")).findFirst().orElseThrow();
        assertThat(line).doesNotStartWith("{").contains(" WARN ").contains("access_token=****")
                .doesNotContain("EAAB-leaked-42");
        assertThat(output.getOut()).contains("java.lang.IllegalStateException: refused: Authorization: Bearer ****")
                .doesNotContain("ghp_leaked");
    }
}
