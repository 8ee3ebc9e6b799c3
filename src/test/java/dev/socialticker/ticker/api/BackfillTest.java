package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.support.ApiClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code POST /api/admin/history/{id}}: a CSV of {@code date,count}, validated all or nothing,
 * idempotent, and never over the days the service read itself.
 */
@ExtendWith(OutputCaptureExtension.class)
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

    /**
     * {@code curl --data-binary @days.csv} without {@code -H} sends the file as a form
     * ({@code application/x-www-form-urlencoded}): a 415 like any other type, not a 500, and neither the
     * body nor a stack trace in the log for a client's mistake.
     */
    @Test
    void refusesAFormWith415AndLogsNoneOfIt(CapturedOutput output) {
        String csv = "date,count\n2025-03-03,7654321\n";
        String form = "application/x-www-form-urlencoded";

        assertProblem(
                post("/api/admin/history/github-again", form, "Bearer " + TOKEN, csv), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(
                post("/api/admin/history/github-again", form, "Bearer " + TOKEN, "2025-03-03=7654321"),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        // The token is checked first, as for any other type.
        assertProblem(post("/api/admin/history/github-again", form, null, csv), 401, "UNAUTHORIZED");

        assertThat(output.getAll())
                .doesNotContain("7654321")
                .doesNotContain("Error handling request")
                .doesNotContainPattern("\\R\\tat ");
        assertThat(ApiClient.json(api.get("/api/metrics/github-again/history?step=day&from=2025-03-03&to=2025-03-03"))
                        .path("points"))
                .isEmpty();
        // The same file as text/csv is stored.
        assertThat(backfill("github-again", csv).statusCode()).isEqualTo(200);
    }

    /**
     * The body is read by the backfill alone, after the token and the type, to its bound: a request
     * refused first is answered without its body being read (Camel's stream caching copied the body
     * into memory, whole, before the route began: an unauthenticated upload of any size was read), and
     * an upload that breaks off, or one past the bound, is the client's failure, logged nowhere.
     */
    @Test
    void readsNoBodyBeforeTheTokenAndTheTypeAndBoundsTheOneItReads(CapturedOutput output) throws Exception {
        // 10 MB announced, a few bytes sent: the answer comes without waiting for the rest.
        String announced = "Content-Length: 10000000\r\n";
        assertThat(raw(announced + "Content-Type: text/csv\r\n", "2025-03-04,7654321\n", false))
                .startsWith("HTTP/1.1 401");
        assertThat(raw(
                        announced + "Content-Type: application/json\r\nAuthorization: Bearer " + TOKEN + "\r\n",
                        "{\"2025-03-04\": 7654321}",
                        false))
                .startsWith("HTTP/1.1 415");
        assertThat(raw(announced + "Content-Type: text/csv\r\nAuthorization: Bearer " + TOKEN + "\r\n", "", false))
                .startsWith("HTTP/1.1 413")
                .contains("REQUEST_TOO_LARGE");
        // The client stops sending (its half of the connection closed) before the body's end: the
        // server closes the connection (Vert.x does not answer on a half-closed one; behind Tomcat
        // this was a 400 nobody read), stores nothing of the part it got, and logs no failure.
        assertThat(raw(
                        "Content-Length: 1000\r\nContent-Type: text/csv\r\nAuthorization: Bearer " + TOKEN + "\r\n",
                        "2025-03-04,7654321\n",
                        true))
                .isEmpty();
        // Past the bound without a Content-Length (chunked): read to the bound, then refused.
        byte[] tooMuch =
                ("2025-03-04,7654321\n".repeat(BackfillCsv.MAX_BYTES / 19 + 1)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = api.http()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + "/api/admin/history/github-again"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "text/csv")
                                .header("Authorization", "Bearer " + TOKEN)
                                .POST(HttpRequest.BodyPublishers.fromPublisher(
                                        HttpRequest.BodyPublishers.ofByteArray(tooMuch)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertProblem(chunked, 413, "REQUEST_TOO_LARGE");

        assertThat(output.getAll())
                .doesNotContain("7654321")
                .doesNotContainPattern("\\R\\tat ")
                .doesNotContain(" ERROR ");
        assertThat(ApiClient.json(api.get("/api/metrics/github-again/history?step=day&from=2025-03-04&to=2025-03-04"))
                        .path("points"))
                .isEmpty();
    }

    /**
     * A refused upload leaves its unread body on the connection: the server closes it after the
     * answer, so the client's next request (here on the same client, which keeps connections alive)
     * is answered on a new one instead of waiting behind that body.
     */
    @Test
    void theNextRequestIsAnsweredAfterARefusedUploadOnAKeptConnection() {
        String big = "2025-03-05,7654321\n".repeat(20_000);

        assertProblem(post("/api/admin/history/github-again", "text/csv", null, big), 401, "UNAUTHORIZED");
        assertThat(api.get("/api/ui-config").statusCode()).isEqualTo(200);
        assertProblem(
                post("/api/admin/history/github-again", "application/json", "Bearer " + TOKEN, big),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertThat(api.get("/api/ui-config").statusCode()).isEqualTo(200);
    }

    /**
     * {@code POST /api/admin/history/github-again} written on a socket: the headers given, then
     * {@code body}, then (when {@code hangUp}) the end of the client's half of the connection; the
     * answer's head and body, read until the server closes the connection or 10 s pass.
     */
    private String raw(String headers, String body, boolean hangUp) throws IOException {
        URI base = URI.create(api.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/admin/history/github-again HTTP/1.1\r\nHost: " + base.getAuthority()
                            + "\r\nConnection: close\r\n" + headers + "\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (hangUp) {
                socket.shutdownOutput();
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}}")) {
                        break;
                    }
                }
            } catch (SocketTimeoutException waited) {
                throw new AssertionError(
                        "no answer within 10 s; so far: " + answer.toString(StandardCharsets.UTF_8), waited);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void answers503WhenTheHistoryCannotBeStored() {
        String message = assertProblem(backfill(UNREACHABLE, "2025-10-01,1\n"), 503, "STORE_UNAVAILABLE");

        assertThat(message).contains("send the file again later");
    }
}
