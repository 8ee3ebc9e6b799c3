package dev.socialticker.ticker.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompactNumberTest {

    /** Three significant figures, cut rather than rounded: a badge never shows a milestone not reached. */
    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "999, 999",
        "1000, 1k",
        "1200, 1.2k",
        "1234, 1.23k",
        "9999, 9.99k",
        "12345, 12.3k",
        "99999, 99.9k",
        "123456, 123k",
        "999999, 999k",
        "1000000, 1M",
        "1234567, 1.23M",
        "2480000, 2.48M",
        "1500000000, 1.5B",
        "-12345, -12.3k"
    })
    void keepsThreeSignificantFiguresRoundedDown(long count, String compact) {
        assertThat(CompactNumber.compact(count)).isEqualTo(compact);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {"0; 0", "999; 999", "12345; 12,345", "2480000; 2,480,000"})
    void groupsThousandsWithCommas(long count, String grouped) {
        assertThat(CompactNumber.grouped(count)).isEqualTo(grouped);
    }
}
