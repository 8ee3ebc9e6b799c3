package dev.socialticker.ticker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/**
 * The console encoder of logback-spring.xml in both forms, with the conversion words that file
 * registers: readable by default, ECS JSON when a structured format is set, the secret mask in both.
 */
class ConsoleLogEncoderTest {
    private static final String SECRET_LINE =
            "GET https://graph.facebook.com/v25.0/1?access_token=EAAB-leaked-42 failed";
    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("some.library");

    ConsoleLogEncoderTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        // What logback-spring.xml's <conversionRule> lines register, and what Boot puts in the context.
        Map<String, Supplier<?>> rules = new HashMap<>();
        rules.put("m", MaskedMessageConverter::new);
        rules.put("wEx", MaskedThrowableConverter::new);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        context.putObject(
                Environment.class.getName(),
                new MockEnvironment()
                        .withProperty(
                                "logging.structured.json.customizer", SecretMaskingLogCustomizer.class.getName()));
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void withoutAStructuredFormatLinesAreReadableAndMasked() {
        String line = encode(
                null,
                "%5p %logger : %m%n%wEx",
                event(SECRET_LINE, new IllegalStateException("token=also-leaked-77 refused")));

        assertThat(line)
                .startsWith(" WARN some.library : GET https://graph.facebook.com/v25.0/1?access_token=**** failed")
                .contains("java.lang.IllegalStateException: token=**** refused")
                .doesNotContain("EAAB-leaked-42", "also-leaked-77");
    }

    @Test
    void withEcsEachEventIsOneJsonLineAndMasked() {
        String line =
                encode("ecs", "%m%n", event(SECRET_LINE, new IllegalStateException("token=also-leaked-77 refused")));

        assertThat(line.lines()).hasSize(1);
        assertThat(line)
                .startsWith("{")
                .contains("\"level\":\"WARN\"")
                .contains("access_token=****")
                .contains("token=****")
                .doesNotContain("EAAB-leaked-42", "also-leaked-77");
    }

    @Test
    void aBlankFormatMeansReadable() {
        assertThat(encode("  ", "%m", event("plain words", null))).isEqualTo("plain words");
    }

    private String encode(String format, String pattern, LoggingEvent event) {
        ConsoleLogEncoder encoder = new ConsoleLogEncoder();
        encoder.setContext(context);
        encoder.setStructuredFormat(format);
        encoder.setPattern(pattern);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        try {
            return new String(encoder.encode(event), StandardCharsets.UTF_8);
        } finally {
            encoder.stop();
        }
    }

    private LoggingEvent event(String message, Throwable thrown) {
        return new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, thrown, null);
    }
}
