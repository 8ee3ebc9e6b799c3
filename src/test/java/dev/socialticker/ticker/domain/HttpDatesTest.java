package dev.socialticker.ticker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HttpDatesTest {
    /** The 3rd of a month: a formatter that writes a one-digit day shows it here. */
    static final Instant THIRD = Instant.parse("2026-12-03T10:00:00Z");

    final Clock clock = Clock.fixed(THIRD, ZoneOffset.UTC);

    @Test
    void writesImfFixdateWithATwoDigitDay() {
        assertThat(HttpDates.format(THIRD)).isEqualTo("Thu, 03 Dec 2026 10:00:00 GMT");
        assertThat(HttpDates.format(Instant.parse("2027-01-09T08:07:06.789Z")))
                .isEqualTo("Sat, 09 Jan 2027 08:07:06 GMT");
    }

    @Test
    void readsTheThreeFormsOfRfc9110() {
        assertThat(HttpDates.parse("Thu, 03 Dec 2026 10:00:00 GMT", clock)).hasValue(THIRD);
        assertThat(HttpDates.parse("Thursday, 03-Dec-26 10:00:00 GMT", clock))
                .as("RFC 850")
                .hasValue(THIRD);
        assertThat(HttpDates.parse("Thu Dec  3 10:00:00 2026", clock))
                .as("asctime, space-padded day")
                .hasValue(THIRD);
        assertThat(HttpDates.parse("Sun Nov 29 10:00:00 2026", clock))
                .as("asctime, two-digit day")
                .hasValue(Instant.parse("2026-11-29T10:00:00Z"));
    }

    @Test
    void aTwoDigitYearIsNeverMoreThanFiftyYearsAhead() {
        assertThat(HttpDates.parse("Monday, 03-Dec-74 10:00:00 GMT", clock))
                .as("48 years ahead: the future")
                .hasValue(Instant.parse("2074-12-03T10:00:00Z"));
        assertThat(HttpDates.parse("Wednesday, 03-Dec-80 10:00:00 GMT", clock))
                .as("54 years ahead: the past century")
                .hasValue(Instant.parse("1980-12-03T10:00:00Z"));
    }

    @Test
    void refusesWhatIsNotAnHttpDate() {
        assertThat(HttpDates.parse("soon", clock)).isEmpty();
        assertThat(HttpDates.parse("2026-12-03T10:00:00Z", clock)).isEmpty();
        assertThat(HttpDates.parse("Fri, 03 Dec 2026 10:00:00 GMT", clock))
                .as("wrong weekday")
                .isEmpty();
        assertThat(HttpDates.parse("", clock)).isEmpty();
        assertThat(HttpDates.parse(null, clock)).isEmpty();
    }
}
