package dev.socialticker.ticker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTest {
    static final List<String> SETTINGS = List.of("access-token", "base-url", "connect-timeout", "count");

    @Test
    void aMisspellingFindsTheNameItStandsForInAnyRelaxedForm() {
        assertThat(ClosestName.near("base-uri", SETTINGS)).contains("base-url");
        assertThat(ClosestName.near("cuont", SETTINGS))
                .as("two letters swapped")
                .contains("count");
        assertThat(ClosestName.near("connectTimeOut", SETTINGS)).contains("connect-timeout");
        assertThat(ClosestName.same("BASE_URL", "base-url")).isTrue();
    }

    @Test
    void aNameNothingResemblesGetsNoSuggestionThoughOneIsStillNearest() {
        assertThat(ClosestName.near("webhook", SETTINGS)).isEmpty();
        assertThat(ClosestName.among("webhook", SETTINGS)).isPresent();
        assertThat(ClosestName.same("base-url", "base-uri")).isFalse();
    }
}
