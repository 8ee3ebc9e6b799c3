package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionalRequestTest {

    @Test
    void ifNoneMatchUsesWeakComparisonOverAList() {
        assertThat(MetricsResponder.matches("\"abc\"", "\"abc\"")).isTrue();
        assertThat(MetricsResponder.matches("W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(MetricsResponder.matches("\"x\", \"abc\"", "\"abc\"")).isTrue();
        assertThat(MetricsResponder.matches("*", "\"abc\"")).isTrue();
        assertThat(MetricsResponder.matches("\"abd\"", "\"abc\"")).isFalse();
        assertThat(MetricsResponder.matches("abc", "\"abc\"")).isFalse();
        assertThat(MetricsResponder.matches(null, "\"abc\"")).isFalse();
    }

    @Test
    void etagsAreStrongAndFollowTheBytes() {
        String a = MetricsRenderer.strongEtag("{\"total\":1}".getBytes());
        assertThat(a).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
        assertThat(MetricsRenderer.strongEtag("{\"total\":1}".getBytes())).isEqualTo(a);
        assertThat(MetricsRenderer.strongEtag("{\"total\":2}".getBytes())).isNotEqualTo(a);
    }
}
