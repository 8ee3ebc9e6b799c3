package dev.socialticker.ticker.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socialticker.ticker.domain.Milestones;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A history's document: what goes in comes back, and a document that is not one is refused. */
class HistoryCodecTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aHistoryComesBackPointForPoint() throws IOException {
        SourceHistory history = new SourceHistory();
        history.backfill(LocalDate.parse("2026-10-30"), 900);
        long count = 1_000;
        for (int minute = 0; minute < 3 * 24 * 60; minute += 7) {
            count += (minute % 3) - 1;
            history.crossing(count, Milestones.standard());
            history.record(T0.plus(Duration.ofMinutes(minute)), count);
        }

        SourceHistory back = HistoryCodec.decode(HistoryCodec.encode(history));

        for (Step step : Step.values()) {
            assertThat(back.points(step, Instant.EPOCH, FAR))
                    .as(step.label())
                    .isNotEmpty()
                    .isEqualTo(history.points(step, Instant.EPOCH, FAR));
        }
        assertThat(back.celebrated()).isEqualTo(history.celebrated()).isEqualTo(1_000);
        assertThat(back.liveSinceDay).isEqualTo(history.liveSinceDay);
        assertThat(back.backfill(LocalDate.parse("2026-11-01"), 5))
                .as("live wins after a restart too")
                .isEqualTo(SourceHistory.Backfilled.LIVE);
        assertThat(HistoryCodec.encode(back)).isEqualTo(HistoryCodec.encode(history));
    }

    @Test
    void anEmptyHistoryIsASmallDocument() throws IOException {
        byte[] document = HistoryCodec.encode(new SourceHistory());

        assertThat(new String(document, StandardCharsets.UTF_8))
                .isEqualTo("{\"version\":1,\"celebrated\":0,\"raw\":[],\"hour\":[],\"day\":[]}");
        assertThat(HistoryCodec.decode(document).sizes()).containsExactly(0, 0, 0);
    }

    @Test
    void numbersAreDifferencesFromTheOneBefore() {
        SourceHistory history = new SourceHistory();
        history.record(T0, 1_000);
        history.record(T0.plusSeconds(60), 1_003);
        history.record(T0.plusSeconds(120), 999);

        String json = new String(HistoryCodec.encode(history), StandardCharsets.UTF_8);

        long second = T0.getEpochSecond();
        assertThat(json)
                .contains("\"raw\":[" + second + ",1000,60,3,60,-4]")
                .contains("\"hour\":[" + second / 3600 + ",999]")
                .contains("\"day\":[" + second / 86_400 + ",999,0,4]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json at all",
                "",
                "[1,2,3]",
                "{\"version\":1,\"celebrated\":0,\"raw\":[",
                "{\"version\":2,\"celebrated\":0,\"raw\":[],\"hour\":[],\"day\":[]}",
                "{\"celebrated\":0,\"raw\":[],\"hour\":[],\"day\":[]}",
                "{\"version\":1,\"celebrated\":0,\"raw\":[1000,5,60],\"hour\":[],\"day\":[]}",
                "{\"version\":1,\"celebrated\":0,\"raw\":[],\"hour\":[],\"day\":[20000,5,0]}",
                "{\"version\":1,\"celebrated\":0,\"raw\":[1000,5,-60,1],\"hour\":[],\"day\":[]}",
                "{\"version\":1,\"celebrated\":0,\"raw\":[1000,5,0,1],\"hour\":[],\"day\":[]}",
                "{\"version\":1,\"celebrated\":0,\"raw\":[1000,-5],\"hour\":[],\"day\":[]}",
                "{\"version\":1,\"celebrated\":0,\"raw\":[1000,5,60,-6],\"hour\":[],\"day\":[]}",
                "{\"version\":1,\"celebrated\":0,\"raw\":[],\"hour\":[],\"day\":[20000,5,6,0]}",
                "{\"version\":1,\"celebrated\":0,\"raw\":[],\"hour\":[],\"day\":[20000,5,0,-1]}",
                "{\"version\":1,\"celebrated\":0,\"raw\":[1000,5.5],\"hour\":[],\"day\":[]}",
                "{\"version\":1,\"celebrated\":0,\"raw\":[1000,\"5\"],\"hour\":[],\"day\":[]}",
                "{\"version\":1,\"celebrated\":0,\"raw\":[1000,99999999999999999999],\"hour\":[],\"day\":[]}",
                "{\"version\":1,\"celebrated\":-10,\"raw\":[],\"hour\":[],\"day\":[]}",
                "{\"version\":1,\"celebrated\":0,\"raw\":{},\"hour\":[],\"day\":[]}",
                "{\"version\":1,\"celebrated\":0,\"hour\":[],\"day\":[]}"
            })
    void aDocumentThatIsNotAHistoryIsRefused(String document) {
        assertThatThrownBy(() -> HistoryCodec.decode(document.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
