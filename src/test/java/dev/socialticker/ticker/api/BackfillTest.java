package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.support.ApiClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/admin/history/{id}}: a CSV of {@code date,count}, validated all or nothing,
 * idempotent, and never over the days the service read itself.
 */
class BackfillTest extends HistoryServiceTest {

    @Test
    void storesTheDaysAndCountsWhatItDid() {
        HttpResponse<String> response =
                backfill("github-again", "date,count\r\n2025-05-01,1000\r\n\r\n2025-05-02,1010\r\n  \n2025-05-03,1020");
        System.out.println("[backfill] " + response.body());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body())
                .isEqualTo(
                        "{\"id\":\"github-again\",\"days\":3,\"added\":3,\"updated\":0,\"unchanged\":0,\"keptLive\":0}");
        JsonNode days =
                ApiClient.json(api.get("/api/metrics/github-again/history?step=day&from=2025-05-01&to=2025-05-03"));
        assertThat(days.path("points")).hasSize(3);
        assertThat(days.path("points").get(2).path("count").asLong()).isEqualTo(1020);
    }

    @Test
    void theSameFileTwiceChangesNothingAndAChangedDayIsUpdated() {
        String csv = "2025-06-01,50\n2025-06-02,60\n";
        HttpResponse<String> first = backfill("github-again", csv);
        assertThat(first.statusCode()).isEqualTo(200);

        JsonNode again = ApiClient.json(backfill("github-again", csv));

        assertThat(again.path("days").asInt()).isEqualTo(2);
        assertThat(again.path("added").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);
        JsonNode changed = ApiClient.json(backfill("github-again", "2025-06-01,50\n2025-06-02,61\n2025-06-03,70\n"));
        assertThat(changed.path("added").asInt()).isEqualTo(1);
        assertThat(changed.path("updated").asInt()).isEqualTo(1);
        assertThat(changed.path("unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void leavesTheDaysTheServiceReadItselfAlone() {
        read("kept", 900);
        LocalDate today = today();

        JsonNode answer = ApiClient.json(backfill(
                "github-kept", (today.minusDays(2)) + ",880\n" + today.minusDays(1) + ",890\n" + today + ",5\n"));

        assertThat(answer.path("keptLive").asInt()).isEqualTo(1);
        assertThat(answer.path("added").asInt()).isEqualTo(2);
        JsonNode days = ApiClient.json(
                api.get("/api/metrics/github-kept/history?step=day&from=" + today.minusDays(2) + "&to=" + today));
        assertThat(days.path("points").get(2).path("count").asLong())
                .as("live wins")
                .isEqualTo(900);
        assertThat(days.path("points").get(1).path("count").asLong()).isEqualTo(890);
    }

    @Test
    void refusesAnUploadWithABadLineWholeNamingTheLines() {
        LocalDate tomorrow = today().plusDays(1);
        String csv = "date,count\n"
                + "2025-07-01,100\n" // 2: good
                + "2025-07-32,100\n" // 3: no such day
                + "07/04/2025,100\n" // 4: not ISO
                + "2025-07-05,-3\n" // 5: negative
                + "2025-07-06,1.5\n" // 6: not whole
                + "2025-07-07\n" // 7: one field
                + "2025-07-08,12,3\n" // 8: three fields
                + tomorrow + ",100\n" // 9: in the future
                + "2025-07-10,\n"; // 10: no count

        String message = assertProblem(backfill("github-again", csv), 400, "INVALID_BACKFILL");

        assertThat(message)
                .contains("8 bad lines, nothing was stored")
                .contains("line 3:", "line 4:", "line 5:", "line 6:", "line 7:", "line 8:", "line 9:", "line 10:")
                .contains("is in the future", "not a whole non-negative number", "not a date YYYY-MM-DD")
                .doesNotContain("line 2:");
        assertThat(ApiClient.json(api.get("/api/metrics/github-again/history?step=day&from=2025-07-01&to=2025-07-31"))
                        .path("points"))
                .as("nothing stored, not even the good line")
                .isEmpty();
    }

    @Test
    void refusesADateGivenTwiceAndNamesOnlyTheFirstTenBadLines() {
        assertThat(assertProblem(
                        backfill("github-again", "2025-08-01,1\n2025-08-02,2\n2025-08-01,3\n"),
                        400,
                        "INVALID_BACKFILL"))
                .contains("line 3: 2025-08-01 repeats line 1");

        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            bad.append("not a line\n");
        }
        String message = assertProblem(backfill("github-again", bad.toString()), 400, "INVALID_BACKFILL");
        assertThat(message)
                .contains("15 bad lines", "the first 10 named", "line 10:")
                .doesNotContain("line 11:");
        assertProblem(backfill("github-again", "\n\ndate,count\n"), 400, "INVALID_BACKFILL");
    }

    @Test
    void refusesWithoutTheTokenAnUnknownSourceAndAnotherContentType() {
        assertProblem(post("/api/admin/history/github-again", "text/csv", null, "2025-09-01,1\n"), 401, "UNAUTHORIZED");
        assertProblem(
                post("/api/admin/history/github-again", "text/csv", "Bearer wrong-token-0000", "2025-09-01,1\n"),
                401,
                "UNAUTHORIZED");
        assertProblem(backfill("github-nobody", "2025-09-01,1\n"), 404, "SOURCE_NOT_FOUND");
        assertProblem(backfill("Bad_Id", "2025-09-01,1\n"), 400, "INVALID_SOURCE_ID");
        assertProblem(
                post("/api/admin/history/github-again", "application/json", "Bearer " + TOKEN, "{\"2025-09-01\": 1}"),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertThat(ApiClient.json(api.get("/api/metrics/github-again/history?step=day&from=2025-09-01&to=2025-09-30"))
                        .path("points"))
                .isEmpty();
    }

    @Test
    void answers503WhenTheHistoryCannotBeStored() {
        String message = assertProblem(backfill(UNREACHABLE, "2025-10-01,1\n"), 503, "STORE_UNAVAILABLE");

        assertThat(message).contains("send the file again later");
    }
}
