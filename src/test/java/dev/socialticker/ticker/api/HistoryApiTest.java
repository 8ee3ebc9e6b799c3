package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.domain.HttpDates;
import dev.socialticker.ticker.support.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/metrics/{id}/history} and the sum, {@code GET /api/metrics/history}: JSON and CSV,
 * the parameters' defaults and refusals, the bound on points, and caching fitted to the range.
 */
class HistoryApiTest extends HistoryServiceTest {

    @Test
    void answersASourcesDaysAsJsonAndAsCsv() {
        assertThat(backfill("github-points", "date,count\n2025-01-01,100\n2025-01-02,110\n2025-01-03,120\n")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> response =
                api.get("/api/metrics/github-points/history?step=day&from=2025-01-01&to=2025-01-03");
        System.out.println("[history] JSON answer: " + response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        JsonNode body = ApiClient.json(response);
        assertThat(body.path("id").asText()).isEqualTo("github-points");
        assertThat(body.has("sources")).isFalse();
        assertThat(body.path("step").asText()).isEqualTo("day");
        assertThat(body.path("from").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(body.path("to").asText()).isEqualTo("2025-01-03T23:59:59Z");
        assertThat(body.path("points")).hasSize(3);
        assertThat(body.path("points").get(1).toString())
                .isEqualTo("{\"at\":\"2025-01-02T00:00:00Z\",\"count\":110,\"min\":110,\"max\":110}");
        assertThat(response.headers().firstValue("Last-Modified"))
                .hasValue(HttpDates.format(Instant.parse("2025-01-03T00:00:00Z")));

        String csv = "at,count,min,max\n"
                + "2025-01-01T00:00:00Z,100,100,100\n"
                + "2025-01-02T00:00:00Z,110,110,110\n"
                + "2025-01-03T00:00:00Z,120,120,120\n";
        HttpResponse<String> byFormat =
                api.get("/api/metrics/github-points/history?step=day&from=2025-01-01&to=2025-01-03&format=csv");
        HttpResponse<String> byAccept = api.get(
                "/api/metrics/github-points/history?step=day&from=2025-01-01&to=2025-01-03",
                "Accept",
                "text/csv, application/json;q=0.5");
        System.out.println("[history] CSV answer:\n" + byAccept.body());
        for (HttpResponse<String> answer : List.of(byFormat, byAccept)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            // Tomcat writes the parameter without the space: text/csv;charset=utf-8.
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).matches("text/csv; ?charset=utf-8"));
            assertThat(answer.body()).isEqualTo(csv);
        }
        // The same URL answers JSON or CSV by Accept: caches must keep the two apart.
        assertThat(byAccept.headers().firstValue("Vary")).hasValue("Accept");
        assertThat(response.headers().firstValue("Vary")).hasValue("Accept");
        assertThat(byFormat.headers().firstValue("Vary")).isEmpty();
        assertThat(byAccept.headers().firstValue("ETag"))
                .isNotEqualTo(response.headers().firstValue("ETag"));
    }

    @Test
    void answersRawReadingsAndHoursOfTheLastDaysByDefault() {
        Instant first = clock.instant().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        read("points", 500);
        clock.advance(Duration.ofMinutes(30));
        read("points", 505);

        JsonNode raw = ApiClient.json(api.get("/api/metrics/github-points/history?step=raw"));
        assertThat(raw.path("step").asText()).isEqualTo("raw");
        Instant to = Instant.parse(raw.path("to").asText());
        assertThat(to).isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        assertThat(Instant.parse(raw.path("from").asText())).isEqualTo(to.minus(Duration.ofDays(1)));
        assertThat(raw.path("points")).hasSize(2);
        assertThat(raw.path("points").get(0).path("at").asText()).isEqualTo(first.toString());
        assertThat(raw.path("points").get(1).path("count").asLong()).isEqualTo(505);

        JsonNode hours = ApiClient.json(api.get("/api/metrics/github-points/history"));
        assertThat(hours.path("step").asText()).as("hour by default").isEqualTo("hour");
        assertThat(Instant.parse(hours.path("from").asText()))
                .isEqualTo(Instant.parse(hours.path("to").asText()).minus(Duration.ofDays(7)));
        assertThat(hours.path("points")
                        .get(hours.path("points").size() - 1)
                        .path("count")
                        .asLong())
                .isEqualTo(505);

        JsonNode days = ApiClient.json(api.get("/api/metrics/github-points/history?step=DAY"));
        assertThat(Instant.parse(days.path("from").asText()))
                .isEqualTo(Instant.parse(days.path("to").asText()).minus(Duration.ofDays(365)));
    }

    /** Days before any other test's, so no other source has a count carried into the range. */
    @Test
    void addsTwoSourcesUp() {
        assertThat(backfill("github-suma", "2020-03-01,10\n2020-03-02,20\n2020-03-03,30\n")
                        .statusCode())
                .isEqualTo(200);
        assertThat(backfill("github-sumb", "2020-03-02,5\n2020-03-03,6\n").statusCode())
                .isEqualTo(200);

        HttpResponse<String> response = api.get("/api/metrics/history?step=day&from=2020-03-01&to=2020-03-03");
        System.out.println("[history] sum: " + response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(response);
        assertThat(body.has("id")).isFalse();
        List<String> sources = new ArrayList<>();
        body.path("sources").forEach(id -> sources.add(id.asText()));
        assertThat(sources).hasSize(24).startsWith("github-grow", "github-fast").contains("github-suma", "github-sumb");
        assertThat(body.path("points")).hasSize(3);
        assertThat(body.path("points").get(0).path("count").asLong()).isEqualTo(10);
        assertThat(body.path("points").get(1).path("count").asLong()).isEqualTo(25);
        assertThat(body.path("points").get(2).path("count").asLong()).isEqualTo(36);
        assertThat(api.get("/api/metrics/history?step=day&from=2020-03-01&to=2020-03-03&format=csv")
                        .body())
                .isEqualTo("at,count,min,max\n"
                        + "2020-03-01T00:00:00Z,10,10,10\n"
                        + "2020-03-02T00:00:00Z,25,25,25\n"
                        + "2020-03-03T00:00:00Z,36,36,36\n");
    }

    /** What the page asks for to draw a partial growth's sparkline: the sum of the sources it covers. */
    @Test
    void addsUpOnlyTheSourcesNamed() {
        backfill("github-suma", "2020-03-01,10\n2020-03-02,20\n2020-03-03,30\n");
        backfill("github-sumb", "2020-03-02,5\n2020-03-03,6\n");
        String range = "step=day&from=2020-03-01&to=2020-03-03";

        JsonNode one = ApiClient.json(api.get("/api/metrics/history?sources=github-sumb&" + range));
        System.out.println("[history] sum of one named source: " + one);
        assertThat(one.path("sources").toString()).isEqualTo("[\"github-sumb\"]");
        assertThat(one.path("points").findValuesAsText("count")).containsExactly("5", "6");

        // Named in any order, one twice: in configuration order, once, as the sum of all lists them.
        JsonNode both =
                ApiClient.json(api.get("/api/metrics/history?sources=github-sumb,github-suma,github-sumb&" + range));
        assertThat(both.path("sources").toString()).isEqualTo("[\"github-suma\",\"github-sumb\"]");
        assertThat(both.path("points").findValuesAsText("count")).containsExactly("10", "25", "36");

        assertProblem(api.get("/api/metrics/history?sources=github-suma,Not_An_Id"), 400, "INVALID_SOURCE_ID");
        assertProblem(api.get("/api/metrics/history?sources="), 400, "INVALID_SOURCE_ID");
        assertThat(assertProblem(api.get("/api/metrics/history?sources=github-nobody"), 404, "SOURCE_NOT_FOUND"))
                .contains("github-nobody");
        assertProblem(api.get("/api/metrics/github-suma/history?sources=github-suma"), 400, "BAD_REQUEST");
    }

    /** What the charts page asks for a named ticker: its sources' sum, by its name, however many it has. */
    @Test
    void addsUpANamedTickersSources() {
        backfill("github-suma", "2020-03-01,10\n2020-03-02,20\n2020-03-03,30\n");
        backfill("github-sumb", "2020-03-02,5\n2020-03-03,6\n");
        String range = "step=day&from=2020-03-01&to=2020-03-03";

        HttpResponse<String> response = api.get("/api/tickers/sums/history?" + range);
        System.out.println("[history] a named ticker's: " + response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(response);
        assertThat(body.path("sources").toString())
                .as("as the ticker lists them")
                .isEqualTo("[\"github-sumb\",\"github-suma\"]");
        assertThat(body.path("points").findValuesAsText("count")).containsExactly("10", "25", "36");
        assertThat(response.body())
                .as("the same points as the sum limited to its sources")
                .contains(ApiClient.json(api.get("/api/metrics/history?sources=github-suma,github-sumb&" + range))
                        .path("points")
                        .toString());
        assertThat(api.get("/api/tickers/sums/history?format=csv&" + range).body())
                .isEqualTo("at,count,min,max\n"
                        + "2020-03-01T00:00:00Z,10,10,10\n"
                        + "2020-03-02T00:00:00Z,25,25,25\n"
                        + "2020-03-03T00:00:00Z,36,36,36\n");

        assertProblem(api.get("/api/tickers/nobody/history"), 404, "TICKER_NOT_FOUND");
        assertProblem(api.get("/api/tickers/Not_A_Name/history"), 400, "INVALID_TICKER_NAME");
        assertProblem(api.get("/api/tickers/sums/history?sources=github-suma"), 400, "BAD_REQUEST");
    }

    @Test
    void refusesEachBadParameterWithAJson400() {
        String path = "/api/metrics/github-points/history";
        assertProblem(api.get(path + "?step=week"), 400, "INVALID_STEP");
        assertProblem(api.get(path + "?step="), 400, "INVALID_STEP");
        assertProblem(api.get(path + "?from=yesterday"), 400, "INVALID_FROM");
        assertProblem(api.get(path + "?from=2025-02-30"), 400, "INVALID_FROM");
        assertProblem(api.get(path + "?to=2026-13-01"), 400, "INVALID_TO");
        assertProblem(api.get(path + "?to=2026-11-01T25:00:00Z"), 400, "INVALID_TO");
        assertThat(assertProblem(api.get(path + "?from=2020-03-02&to=2020-03-01"), 400, "INVALID_RANGE"))
                .contains("after");
        assertProblem(api.get(path + "?format=xml"), 400, "INVALID_FORMAT");
        assertProblem(api.get(path + "?step=day&step=hour"), 400, "BAD_REQUEST");
        assertProblem(api.get("/api/metrics/history?step=fortnight"), 400, "INVALID_STEP");
        assertProblem(api.get("/api/metrics/Not_An_Id/history"), 400, "INVALID_SOURCE_ID");
        assertThat(assertProblem(api.get("/api/metrics/github-nobody/history"), 404, "SOURCE_NOT_FOUND"))
                .contains("github-nobody");
        // A request header named like a parameter is not one (a crawler sends From: its address).
        assertThat(api.get(path, "From", "bot@example.com").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesMoreThanMaxPointsNamingTheLimitAndAWayOut() {
        StringBuilder csv = new StringBuilder();
        for (int day = 1; day <= 60; day++) {
            csv.append(java.time.LocalDate.of(2024, 1, 1).plusDays(day))
                    .append(',')
                    .append(day)
                    .append('\n');
        }
        assertThat(backfill("github-many", csv.toString()).statusCode()).isEqualTo(200);

        String message = assertProblem(
                api.get("/api/metrics/github-many/history?step=day&from=2024-01-01&to=2024-12-31"),
                400,
                "TOO_MANY_POINTS");
        assertThat(message).contains("50", "ticker.history.max-points", "coarser step", "narrower range");
        assertProblem(api.get("/api/metrics/history?step=day&from=2024-01-01&to=2024-12-31"), 400, "TOO_MANY_POINTS");
        assertThat(ApiClient.json(api.get("/api/metrics/github-many/history?step=day&from=2024-01-01&to=2024-02-20"))
                        .path("points"))
                .as("exactly the limit")
                .hasSize(50);
    }

    @Test
    void answers304WhileTheEtagMatches() {
        assertThat(backfill("github-points", "2025-01-01,100\n").statusCode()).isEqualTo(200);
        String path = "/api/metrics/github-points/history?step=day&from=2024-12-01&to=2025-01-31";
        HttpResponse<String> first = api.get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]{27}\"");

        HttpResponse<String> again = api.get(path, "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(api.get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(MetricsRenderer.strongEtag(first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(etag);
    }

    @Test
    void cachesAClosedRangeByItsStepAndAnOpenOneAsTheMainBody() {
        read("points", 700);
        String past = "from=2025-01-01&to=2025-01-31";
        assertThat(api.get("/api/metrics/github-points/history?step=day&" + past)
                        .headers()
                        .firstValue("Cache-Control"))
                .hasValue("public, max-age=86400");
        assertThat(api.get("/api/metrics/github-points/history?step=hour&" + past)
                        .headers()
                        .firstValue("Cache-Control"))
                .hasValue("public, max-age=3600");
        assertThat(api.get("/api/metrics/github-points/history?step=raw&" + past)
                        .headers()
                        .firstValue("Cache-Control"))
                .hasValue("public, max-age=3600");

        // Open (to = now by default, or today's date): cached until the data turns stale, as the body.
        String live = api.get("/api/metrics/github-points")
                .headers()
                .firstValue("Cache-Control")
                .orElseThrow();
        assertThat(live).matches("public, max-age=[1-9][0-9]*, stale-while-revalidate=60, stale-if-error=86400");
        assertThat(api.get("/api/metrics/github-points/history").headers().firstValue("Cache-Control"))
                .hasValue(live);
        assertThat(api.get("/api/metrics/github-points/history?step=day&to=" + today())
                        .headers()
                        .firstValue("Cache-Control"))
                .hasValue(live);
        assertThat(api.get("/api/metrics/history").headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("public, max-age="));
    }

    @Test
    void exposesEachSourcesHistorySizeToPrometheus() {
        assertThat(historyBytes("github-metered")).as("no history yet").isZero();

        read("metered", 4321);

        double bytes = await().atMost(Duration.ofSeconds(10)).until(() -> historyBytes("github-metered"), b -> b > 0);
        assertThat(bytes).as("one reading: a document of a few dozen bytes").isBetween(20.0, 500.0);
    }

    /** {@code ticker_history_bytes} of a source, as Prometheus scrapes it. */
    private double historyBytes(String source) {
        String sample = management
                .get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith("ticker_history_bytes{") && line.contains("source=\"" + source + "\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ticker_history_bytes series for " + source));
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }
}
