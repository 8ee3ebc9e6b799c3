package dev.socialticker.ticker.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.RefreshIdle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes the API serves for each kind of JSON document, against the files in
 * {@code src/test/resources/served-json/}: the main body of a source and of a named ticker (with
 * growth, the next milestone, an error), every {@code ?format=} document, a history, a backfill's
 * answer, the page's defaults and two problems. Member order, nulls, escaping, number and instant
 * forms are all part of the contract a ticker, a badge service or a clock parses; a change of how
 * JSON is written (another mapper, another setting) shows here first. The files were written from
 * the service's answers before its JSON moved to Camel's Jackson data format, and hold after it.
 * Instants the test clock decides are {@code ${name}} in the files, filled in from that clock.
 */
class ServedJsonBytesTest extends HistoryServiceTest {
    private static final String SOURCE = "github-golden";

    /** Forty days before today, ten a day, ending at {@code now}; and three days in May 2025. */
    private String history(long now) {
        StringBuilder csv = new StringBuilder("date,count\n2025-05-01,1000\n2025-05-02,1010\n2025-05-03,1020\n");
        LocalDate today = today();
        for (int back = 40; back >= 1; back--) {
            csv.append(today.minusDays(back))
                    .append(',')
                    .append(now - 10L * back)
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void servesEveryJsonDocumentByteForByte() {
        read("golden", 2000);
        Instant refreshedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<byte[]> backfilled = bytes(backfillRequest(history(2000)));
        assertServed("backfill.json", backfilled, 200, Map.of());
        await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> ApiClient.json(api.get("/api/metrics/" + SOURCE)),
                        body -> !body.at("/growth/oneDay").isNull());

        Map<String, String> fresh = new LinkedHashMap<>();
        fresh.put("refreshedAt", refreshedAt.toString());
        fresh.put("staleAt", refreshedAt.plus(Duration.ofMinutes(2)).toString());
        // 500 to go at 70 a week: 50 days.
        fresh.put("eta", refreshedAt.plus(Duration.ofDays(50)).toString());
        assertServed("source.json", fetch("/api/metrics/" + SOURCE), 200, fresh);
        assertServed("smiirl.json", fetch("/api/metrics/" + SOURCE + "?format=smiirl"), 200, fresh);
        assertServed("shields.json", fetch("/api/metrics/" + SOURCE + "?format=shields"), 200, fresh);
        assertServed("lametric.json", fetch("/api/metrics/" + SOURCE + "?format=lametric"), 200, fresh);
        assertServed("awtrix.json", fetch("/api/metrics/" + SOURCE + "?format=awtrix"), 200, fresh);
        assertServed(
                "history.json",
                fetch("/api/metrics/" + SOURCE + "/history?step=day&from=2025-05-01&to=2025-05-03"),
                200,
                fresh);

        // The upstream no longer knows the account: the last good count, with the error.
        upstream.stubFor(get(urlPathEqualTo("/users/golden")).willReturn(notFound()));
        refresh(github("golden"));
        Instant failedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> ApiClient.json(api.get("/api/metrics/" + SOURCE)),
                        body -> !body.path("error").isNull());
        RefreshIdle.waitFor(camel);
        Map<String, String> failing = new LinkedHashMap<>(fresh);
        failing.put("failedAt", failedAt.toString());
        assertServed("source-failing.json", fetch("/api/metrics/" + SOURCE), 200, failing);
        assertServed("ticker-failing.json", fetch("/api/tickers/golden"), 200, failing);
        assertServed("awtrix-failing.json", fetch("/api/metrics/" + SOURCE + "?format=awtrix"), 200, failing);
    }

    @Test
    void servesThePageDefaultsAndProblemsByteForByte() {
        assertServed("ui-config.json", fetch("/api/ui-config"), 200, Map.of());
        assertServed("problem-not-found.json", fetch("/api/metrics/github-nobody"), 404, Map.of());
        // A value quoted in a message is cut with "…": a character outside ASCII, written as UTF-8.
        assertServed(
                "problem-invalid-step.json",
                fetch("/api/metrics/" + SOURCE + "/history?step=" + "x".repeat(45)),
                400,
                Map.of());
    }

    private HttpRequest backfillRequest(String csv) {
        return HttpRequest.newBuilder(URI.create(api.base() + "/api/admin/history/" + SOURCE))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build();
    }

    private HttpResponse<byte[]> fetch(String path) {
        return bytes(HttpRequest.newBuilder(URI.create(api.base() + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
    }

    private HttpResponse<byte[]> bytes(HttpRequest request) {
        try {
            return api.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer's status, JSON type, length and bytes: the file's, its {@code ${name}}s filled in. */
    private static void assertServed(String file, HttpResponse<byte[]> response, int status, Map<String, String> at) {
        String actual = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(file + ": " + actual).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(file).hasValue("application/json");
        assertThat(response.headers().firstValueAsLong("Content-Length"))
                .as(file + ": sent whole, with its length")
                .hasValue(response.body().length);
        String expected = expected(file, at);
        assertThat(actual).as(file).isEqualTo(expected);
        assertThat(response.body()).as(file + " (bytes)").isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String expected(String file, Map<String, String> at) {
        String text;
        try (InputStream in = ServedJsonBytesTest.class.getResourceAsStream("/served-json/" + file)) {
            assertThat(in).as("src/test/resources/served-json/" + file).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The files end with a newline for editors; the answers do not.
        text = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (Map.Entry<String, String> value : at.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        assertThat(text).as(file + ": every ${name} filled in").doesNotContain("${");
        return text;
    }
}
