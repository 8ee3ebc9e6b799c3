package dev.socialticker.ticker.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socialticker.ticker.provider.contract.ProviderFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code errors} parameter: what a rule matches, what it yields, and how a bad rule is refused. */
class ErrorRulesTest {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void aTwoHundredThatIsAnErrorInDisguiseIsRecognised() {
        ErrorRules rules = ErrorRules.parse("""
                - when: { status: 2xx, body: "$[?(@.status == 'fail' && @.reason == 'quota')]" }
                  code: RATE_LIMITED
                  message: The daily quota is spent
                  wait: { body: "$.retry_in", unit: minutes }
                """);

        ProviderFailure failure = rules.match(
                        200,
                        name -> null,
                        () -> JsonAnswers.parse("{\"status\": \"fail\", \"reason\": \"quota\", \"retry_in\": 30}"),
                        NOW)
                .orElseThrow();

        assertThat(failure.code().name()).isEqualTo("RATE_LIMITED");
        assertThat(failure.getMessage()).isEqualTo("The daily quota is spent");
        assertThat(failure.waitFor()).isEqualTo(Duration.ofMinutes(30));
        assertThat(failure.retryable()).isFalse();
        assertThat(rules.match(200, name -> null, () -> JsonAnswers.parse("{\"status\": \"ok\", \"n\": 5}"), NOW))
                .isEmpty();
        assertThat(rules.match(
                        500,
                        name -> null,
                        () -> JsonAnswers.parse("{\"status\": \"fail\", \"reason\": \"quota\"}"),
                        NOW))
                .as("status 2xx only")
                .isEmpty();
        assertThat(rules.match(200, name -> null, () -> JsonAnswers.parse("<html>"), NOW))
                .as("not JSON")
                .isEmpty();
    }

    @Test
    void theFirstMatchingRuleWinsAndEveryConditionMustHold() {
        ErrorRules rules = ErrorRules.parse("""
                - when: { status: 403, header: Retry-After }
                  code: RATE_LIMITED
                  message: secondary limit
                  retry: true
                  wait: { header: Retry-After }
                - when: { status: 400-499 }
                  code: AUTH_FAILED
                  message: refused
                """);

        assertThat(rules.match(403, Map.of("Retry-After", "Sat, 28 Nov 2026 10:01:00 GMT")::get, () -> null, NOW))
                .hasValueSatisfying(failure -> {
                    assertThat(failure.code().name()).isEqualTo("RATE_LIMITED");
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure.waitFor()).isEqualTo(Duration.ofMinutes(1));
                });
        assertThat(rules.match(403, name -> null, () -> null, NOW))
                .hasValueSatisfying(failure -> assertThat(failure.code().name()).isEqualTo("AUTH_FAILED"));
        assertThat(rules.match(500, name -> null, () -> null, NOW)).isEmpty();
    }

    @Test
    void aBodyPathThatDoesNotFitTheBodyIsNoMatchAndAWaitPathThatDoesNotFitIsNoWait() {
        ErrorRules rules = ErrorRules.parse("""
                - when: { body: "$.error[?(@.code == 190)]" }
                  code: AUTH_FAILED
                  message: token rejected
                - when: { status: 429 }
                  code: RATE_LIMITED
                  message: limited
                  wait: { body: "$.error[?(@.code == 4)].retry_in" }
                """);

        // A filter over a string, over null, over a number: Jayway throws on each, which is not a match.
        for (String body :
                new String[] {"{\"error\": \"slow down\"}", "{\"error\": null}", "null", "42", "\"x\"", "<html>"}) {
            assertThat(rules.match(400, name -> null, () -> JsonAnswers.parse(body), NOW))
                    .as(body)
                    .isEmpty();
            assertThat(rules.match(429, name -> null, () -> JsonAnswers.parse(body), NOW))
                    .as(body)
                    .hasValueSatisfying(failure -> {
                        assertThat(failure.code().name()).isEqualTo("RATE_LIMITED");
                        assertThat(failure.waitFor()).isNull();
                    });
        }
    }

    @Test
    void aWaitInEpochSecondsIsCountedFromNow() {
        ErrorRules rules = ErrorRules.parse("""
                - when: { status: 429 }
                  code: RATE_LIMITED
                  message: limited
                  wait: { header: X-Reset, unit: epoch-seconds }
                """);

        assertThat(rules.match(
                                429,
                                Map.of(
                                        "X-Reset",
                                        String.valueOf(NOW.plusSeconds(90).getEpochSecond()))::get,
                                () -> null,
                                NOW)
                        .orElseThrow()
                        .waitFor())
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aBadRuleIsRefusedNamingWhereAndWhy() {
        assertThatThrownBy(() -> ErrorRules.parse("""
                - when: { status: 4x4, body: "$[?(" }
                  code: RATELIMITED
                  colour: red
                - code: NOT_FOUND
                  wait: { unit: hours }
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("errors[0] has an unknown key 'colour'")
                .hasMessageContaining(
                        "errors[0].when.status must be a status (404), a range (400-499) or a class (4xx)")
                .hasMessageContaining("errors[0].when.body is not a JSONPath")
                .hasMessageContaining("errors[0].code must be one of")
                .hasMessageContaining("errors[0].message is required")
                .hasMessageContaining("errors[1].message is required")
                .hasMessageContaining("errors[1].wait needs exactly one of header")
                .hasMessageContaining("errors[1].wait.unit must be seconds, minutes or epoch-seconds");
        assertThatThrownBy(() -> ErrorRules.parse("code: NOT_FOUND")).hasMessageContaining("a YAML list of rules");
        assertThatThrownBy(() -> ErrorRules.parse("- [unclosed")).hasMessageContaining("is not YAML");
    }
}
