package dev.socialticker.ticker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Whatever logs a secret by mistake, the structured log line carries the mask instead. */
@SpringBootTest(properties = "ticker.refresh.initial-delay=1h")
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogMaskingTest {

    @Test
    void logLinesAreJsonWithSecretsMasked(CapturedOutput output) {
        LoggerFactory.getLogger("some.library").warn("calling https://graph.facebook.com/v25.0/1?access_token=EAAB-leaked-42");

        String line = output.getOut().lines().filter(l -> l.contains("some.library")).findFirst().orElseThrow();
        assertThat(line).startsWith("{").endsWith("}").contains("\"level\":\"WARN\"");
        assertThat(line).contains("access_token=****").doesNotContain("EAAB-leaked-42");
    }
}
