package dev.socialticker.ticker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socialticker.ticker.provider.contract.PayloadRejectedException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FollowerCountValidatorTest {

    @Test
    void acceptsWholeNumbersInEveryShapeUpstreamsSend() {
        assertThat(FollowerCountValidator.coerce(12345)).isEqualTo(12345);
        assertThat(FollowerCountValidator.coerce(12345L)).isEqualTo(12345);
        assertThat(FollowerCountValidator.coerce(12345.0)).isEqualTo(12345);
        assertThat(FollowerCountValidator.coerce("12345")).isEqualTo(12345);
        assertThat(FollowerCountValidator.coerce(" 12345 ")).isEqualTo(12345);
        assertThat(FollowerCountValidator.coerce("1230000")).isEqualTo(1_230_000);
        assertThat(FollowerCountValidator.coerce(new BigDecimal("42.000"))).isEqualTo(42);
        assertThat(FollowerCountValidator.coerce(BigInteger.valueOf(7))).isEqualTo(7);
        assertThat(FollowerCountValidator.coerce(0)).isZero();
        assertThat(FollowerCountValidator.coerce(FollowerCountValidator.MAX_PLAUSIBLE))
                .isEqualTo(10_000_000_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "-5", "12,345", "1e20", "0x10", "12.5", "NaN", "<html>", "99999999999999999999"})
    void rejectsTextThatIsNotAPlausibleWholeCount(String raw) {
        assertThatThrownBy(() -> FollowerCountValidator.coerce(raw)).isInstanceOf(PayloadRejectedException.class);
    }

    @Test
    void rejectsNumbersThatAreNotPlausibleWholeCounts() {
        assertThatThrownBy(() -> FollowerCountValidator.coerce(-5)).hasMessageContaining("negative");
        assertThatThrownBy(() -> FollowerCountValidator.coerce(1e20)).hasMessageContaining("implausibly large");
        assertThatThrownBy(() -> FollowerCountValidator.coerce(12.5)).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> FollowerCountValidator.coerce(Double.NaN)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> FollowerCountValidator.coerce(null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> FollowerCountValidator.coerce(true)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> FollowerCountValidator.coerce(FollowerCountValidator.MAX_PLAUSIBLE + 1))
                .hasMessageContaining("implausibly large");
    }

    @Test
    void profilesAreTrimmedCappedAndFallBackToTheAccount() {
        assertThat(FollowerCountValidator.profileOr(" acme\n", "123")).isEqualTo("acme");
        assertThat(FollowerCountValidator.profileOr(null, "123")).isEqualTo("123");
        assertThat(FollowerCountValidator.profileOr("", "123")).isEqualTo("123");
        assertThat(FollowerCountValidator.profileOr(null, "@telegram"))
                .as("the page writes its own @")
                .isEqualTo("telegram");
        assertThat(FollowerCountValidator.profileOr("@Pitbull", "x"))
                .as("a profile is kept as answered")
                .isEqualTo("@Pitbull");
        assertThat(FollowerCountValidator.profileOr(42, "123")).isEqualTo("123");
        assertThat(FollowerCountValidator.profileOr("x".repeat(500), "123")).hasSize(100);
    }
}
