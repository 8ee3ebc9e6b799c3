package dev.socialticker.ticker.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CompactNumberTest {

    /**
     * The table the page's tests read too (frontend/test/unit/format.test.js): the page in English
     * writes each count exactly as the badges and devices do.
     */
    private static final String TABLE = "/format/compact-numbers.json";

    /** Three significant figures, cut rather than rounded: a badge never shows a milestone not reached. */
    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("table")
    void keepsThreeSignificantFiguresRoundedDown(long count, String compact) {
        assertThat(CompactNumber.compact(count)).isEqualTo(compact);
    }

    static List<Arguments> table() throws IOException {
        try (InputStream in = CompactNumberTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as("%s on the test classpath", TABLE).isNotNull();
            JsonNode cases = new ObjectMapper().readTree(in).path("cases");
            List<Arguments> rows = new ArrayList<>();
            for (JsonNode row : cases) {
                assertThat(row.path("count").canConvertToLong())
                        .as("a whole count that fits a long: %s", row)
                        .isTrue();
                rows.add(Arguments.of(
                        row.path("count").longValue(), row.path("compact").textValue()));
            }
            assertThat(rows).as("the cases of %s", TABLE).hasSizeGreaterThan(30);
            return rows;
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {"0; 0", "999; 999", "12345; 12,345", "2480000; 2,480,000"})
    void groupsThousandsWithCommas(long count, String grouped) {
        assertThat(CompactNumber.grouped(count)).isEqualTo(grouped);
    }
}
