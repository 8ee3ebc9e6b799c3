package dev.socialticker.ticker.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Growth and the next milestone in the main body, per source and for a sum: null while the history
 * is shorter than a window, the right differences once a backfill gives it 40 days, and an
 * estimated date only when the milestone is near enough at the recent rate.
 */
class GrowthInBodyTest extends HistoryServiceTest {
    @Autowired
    SnapshotStore store;

    /** Days 1 to 40 before today, each {@code perDay} fewer than the day after it, today's count being {@code now}. */
    private String fortyDays(long now, long perDay) {
        StringBuilder csv = new StringBuilder("date,count\n");
        LocalDate today = today();
        for (int back = 40; back >= 1; back--) {
            csv.append(today.minusDays(back))
                    .append(',')
                    .append(now - perDay * back)
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void showsGrowthOnceABackfillGivesTheHistory() {
        JsonNode before = read("single", 2000);
        assertThat(before.path("growth").toString())
                .as("one reading: every window longer than the history")
                .isEqualTo("{\"oneDay\":null,\"sevenDays\":null,\"thirtyDays\":null,\"approximate\":false}");
        assertThat(before.path("nextMilestone").toString()).isEqualTo("{\"value\":2500,\"eta\":null}");

        JsonNode answer = ApiClient.json(backfill("github-single", fortyDays(2000, 10)));
        assertThat(answer.path("added").asInt()).isEqualTo(40);

        // The body is rendered again for the backfill, though no count was stored.
        JsonNode body = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> ApiClient.json(api.get("/api/metrics/github-single")),
                        json -> !json.at("/growth/oneDay").isNull());
        System.out.println("[growth] body: " + body);
        assertThat(body.path("growth").toString())
                .isEqualTo("{\"oneDay\":10,\"sevenDays\":70,\"thirtyDays\":300,\"approximate\":false}");
        // 500 to go at 70 a week: 50 days, within the 84-day horizon.
        Instant refreshedAt = Instant.parse(body.path("refreshedAt").asText());
        assertThat(body.path("nextMilestone").path("value").asLong()).isEqualTo(2500);
        assertThat(Instant.parse(body.path("nextMilestone").path("eta").asText()))
                .isEqualTo(refreshedAt.plus(Duration.ofDays(50)));
    }

    /**
     * The count and its growth come to the view together (the history's report of the change): the
     * first read after the store wrote a count, taken once and without waiting for it, shows that
     * count with the growth up to it, never the growth of the count before.
     */
    @Test
    void theFirstReadAfterARefreshShowsTheNewCountWithItsOwnGrowth() {
        read("instant", 1_000);
        backfill("github-instant", fortyDays(1_000, 10));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ApiClient.json(api.get("/api/metrics/github-instant"))
                                .at("/growth/oneDay")
                                .asLong(-1)
                        == 10);

        for (long followers : new long[] {1_050, 1_200, 990}) {
            upstream.stubFor(get(urlPathEqualTo("/users/instant"))
                    .willReturn(okJson("{\"login\": \"instant\", \"followers\": " + followers + "}")));
            refresh(github("instant"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> store.stateOf(github("instant")).snapshot().total() == followers);

            JsonNode body = ApiClient.json(api.get("/api/metrics/github-instant"));
            assertThat(body.path("total").asLong()).isEqualTo(followers);
            assertThat(body.at("/growth/oneDay").asLong())
                    .as("the growth of this count: it minus yesterday's 990")
                    .isEqualTo(followers - 990);
            assertThat(body.at("/growth/thirtyDays").asLong()).isEqualTo(followers - 700);
        }
    }

    @Test
    void sumsTheSourcesGrowthAtTheTopLevel() {
        read("grow", 2000);
        read("fast", 4900);
        backfill("github-grow", fortyDays(2000, 10));
        assertThat(ApiClient.json(backfill("github-fast", fortyDays(4900, 100)))
                        .path("keptLive")
                        .asInt())
                .isZero();

        JsonNode pair = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> ApiClient.json(api.get("/api/tickers/pair")),
                        json -> !json.at("/growth/thirtyDays").isNull());
        System.out.println("[growth] named ticker: " + pair);

        assertThat(pair.path("total").asLong()).isEqualTo(6900);
        assertThat(pair.path("growth").toString())
                .isEqualTo("{\"oneDay\":110,\"sevenDays\":770,\"thirtyDays\":3300,\"approximate\":false}");
        JsonNode fast = pair.path("sources").get(1);
        assertThat(fast.path("growth").path("sevenDays").asLong()).isEqualTo(700);
        // 100 to go at 700 a week: one day.
        assertThat(Instant.parse(fast.path("nextMilestone").path("eta").asText()))
                .isEqualTo(Instant.parse(fast.path("refreshedAt").asText()).plus(Duration.ofDays(1)));
        // The total: 3100 to 10,000 at 770 a week, from the body's refreshedAt (the older reading).
        Instant at = Instant.parse(pair.path("refreshedAt").asText());
        long seconds = (long) Math.ceil(3100.0 * Duration.ofDays(7).toSeconds() / 770);
        assertThat(pair.path("nextMilestone").path("value").asLong()).isEqualTo(10_000);
        assertThat(Instant.parse(pair.path("nextMilestone").path("eta").asText()))
                .isEqualTo(at.plusSeconds(seconds));
    }

    /**
     * A sum of two sources, one backfilled: the total's windows stay null (the other has no history
     * that far back), and the growth of the one that has it is there, marked partial, naming it.
     */
    @Test
    void showsThePartialGrowthOfTheSourcesThatHaveHistory() {
        read("older", 2000);
        read("newer", 500);
        JsonNode before = ApiClient.json(api.get("/api/tickers/halves"));
        assertThat(before.path("growth").toString())
                .as("no source has history yet: nothing partial to show")
                .isEqualTo("{\"oneDay\":null,\"sevenDays\":null,\"thirtyDays\":null,\"approximate\":false}");

        backfill("github-older", fortyDays(2000, 10));

        JsonNode halves = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> ApiClient.json(api.get("/api/tickers/halves")),
                        json -> json.path("growth").has("partial"));
        System.out.println("[growth] one source of two backfilled: " + halves);
        assertThat(halves.path("total").asLong()).isEqualTo(2500);
        assertThat(halves.path("growth").toString())
                .isEqualTo("{\"oneDay\":null,\"sevenDays\":null,\"thirtyDays\":null,\"approximate\":false,"
                        + "\"partial\":{\"oneDay\":10,\"sevenDays\":70,\"thirtyDays\":300,\"approximate\":false,"
                        + "\"sources\":[\"github-older\"]}}");
        assertThat(halves.path("nextMilestone").toString())
                .as("no date from a part's rate: it is not the total's")
                .isEqualTo("{\"value\":5000,\"eta\":null}");
        for (JsonNode source : halves.path("sources")) {
            assertThat(source.path("growth").has("partial"))
                    .as("a source's own growth is never partial: %s", source)
                    .isFalse();
        }
    }

    @Test
    void givesNoDateWhenTheRateIsTooSlowOrNil() {
        read("slow", 1000);
        backfill("github-slow", fortyDays(1000, 1));
        read("flat", 1000);
        backfill("github-flat", fortyDays(1000, 0));

        JsonNode slow = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> ApiClient.json(api.get("/api/metrics/github-slow")),
                        json -> !json.at("/growth/oneDay").isNull());
        JsonNode flat = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> ApiClient.json(api.get("/api/metrics/github-flat")),
                        json -> !json.at("/growth/oneDay").isNull());

        // 1,500 to go at one a day: years away, past the 84-day horizon.
        assertThat(slow.path("growth").path("sevenDays").asLong()).isEqualTo(7);
        assertThat(slow.path("nextMilestone").toString()).isEqualTo("{\"value\":2500,\"eta\":null}");
        assertThat(flat.path("growth").path("thirtyDays").asLong()).isZero();
        assertThat(flat.path("nextMilestone").toString()).isEqualTo("{\"value\":2500,\"eta\":null}");
    }

    @Test
    void marksTheGrowthOfRoundedCountsApproximate() {
        JsonNode body = readYouTube();
        long total = body.path("total").asLong();
        backfill(YOUTUBE.id(), fortyDays(total, 1000));

        JsonNode grown = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> ApiClient.json(api.get("/api/metrics/" + YOUTUBE.id())),
                        json -> !json.at("/growth/oneDay").isNull());

        assertThat(grown.path("growth").toString())
                .isEqualTo("{\"oneDay\":1000,\"sevenDays\":7000,\"thirtyDays\":30000,\"approximate\":true}");
    }
}
