package dev.socialticker.ticker.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.format.FormatSchemas;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.RefreshIdle;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The other formats of the count, served from the same rendered state as the main body: each
 * answer against its published schema (format.FormatSchemas), its colours by state, the answer
 * without a count, the SVG badge, and each format's own ETag. The history is seeded with the admin
 * backfill, as GrowthInBodyTest does.
 */
class FormatsApiTest extends HistoryServiceTest {

    /** Days 1 to 20 before today, 100 fewer each day back from {@code now}. */
    private String twentyDays(long now) {
        StringBuilder csv = new StringBuilder("date,count\n");
        LocalDate today = today();
        for (int back = 20; back >= 1; back--) {
            csv.append(today.minusDays(back))
                    .append(',')
                    .append(now - 100L * back)
                    .append('\n');
        }
        return csv.toString();
    }

    /** {@code login}'s source read at 12,345 with 20 days of history behind it. */
    private void seeded(String login) {
        assertThat(backfill("github-" + login, twentyDays(12_345)).statusCode()).isEqualTo(200);
        read(login, 12_345);
    }

    private JsonNode format(String login, String format) {
        HttpResponse<String> response = api.get("/api/metrics/github-" + login + "?format=" + format);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return ApiClient.json(response);
    }

    @Test
    void servesLametricFramesWithTheGoalAndTheLastDays() {
        seeded("lametric");

        JsonNode body = format("lametric", "lametric");
        System.out.println("[formats] lametric: " + body);

        FormatSchemas.assertLametric(body);
        JsonNode frames = body.path("frames");
        assertThat(frames.get(0).toString()).isEqualTo("{\"text\":\"12,345\",\"icon\":\"i3389\"}");
        assertThat(frames.get(1).path("goalData").toString())
                .isEqualTo("{\"start\":10000,\"current\":12345,\"end\":25000}");
        // Two weeks of backfilled days and today's live count.
        JsonNode chart = frames.get(2).path("chartData");
        assertThat(chart.size()).isEqualTo(15);
        assertThat(chart.get(0).asLong()).isEqualTo(12_345 - 1400);
        assertThat(chart.get(14).asLong()).isEqualTo(12_345);
    }

    @Test
    void servesAnAwtrixAppWithProgressAndALifetime() {
        seeded("awtrix");

        JsonNode body = format("awtrix", "awtrix");
        System.out.println("[formats] awtrix: " + body);

        FormatSchemas.assertAwtrix(body);
        assertThat(body.path("text").asText()).isEqualTo("12.3k");
        assertThat(body.path("icon").asText()).isEqualTo("followers");
        assertThat(body.path("progress").asInt()).isEqualTo(15);
        assertThat(body.path("progressC").asText()).isEqualTo(body.path("color").asText());
        // Two weeks of history, and still no chart: the clock would draw it over the count.
        assertThat(body.has("line")).isFalse();
        // stale-after (two 60 s periods): the clock frames the app in red when no body came since.
        assertThat(body.path("lifetime").asInt()).isEqualTo(120);
        assertThat(body.path("lifetimeMode").asInt()).isEqualTo(1);
    }

    @Test
    void servesTheShieldsEndpointColouredByState() {
        seeded("shields");
        JsonNode fresh = format("shields", "shields");
        System.out.println("[formats] shields: " + fresh);
        FormatSchemas.assertShields(fresh);
        assertThat(fresh.toString())
                .isEqualTo("{\"schemaVersion\":1,\"label\":\"followers\",\"message\":\"12.3k\","
                        + "\"color\":\"brightgreen\",\"isError\":false,\"cacheSeconds\":300}");

        // Older than stale-after: the last count, in yellow (the read asks for a refresh meanwhile).
        clock.advance(Duration.ofMinutes(3));
        JsonNode stale = format("shields", "shields");
        assertThat(stale.path("color").asText()).isEqualTo("yellow");
        assertThat(stale.path("message").asText()).isEqualTo("12.3k");
        RefreshIdle.waitFor(camel);

        // The upstream fails: the last good count, in orange.
        upstream.stubFor(get(urlPathEqualTo("/users/shields")).willReturn(serverError()));
        refresh(github("shields"));
        JsonNode failing = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> format("shields", "shields"),
                        body -> body.path("color").asText().equals("orange"));
        assertThat(failing.path("message").asText()).isEqualTo("12.3k");
        assertThat(failing.path("isError").asBoolean()).isFalse();
    }

    @Test
    void answersEveryOtherFormatWithoutACountAsNoData() {
        JsonNode shields = format("unread", "shields");
        FormatSchemas.assertShields(shields);
        assertThat(shields.path("isError").asBoolean()).isTrue();
        assertThat(shields.path("message").asText()).isEqualTo("no data");
        assertThat(shields.path("color").asText()).isEqualTo("red");

        assertThat(format("unread", "lametric").toString())
                .isEqualTo("{\"frames\":[{\"text\":\"no data\",\"icon\":\"i3389\"}]}");
        assertThat(format("unread", "awtrix").path("text").asText()).isEqualTo("no data");
        HttpResponse<String> badge = api.get("/api/metrics/github-unread/badge.svg");
        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(badge.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(badge.body()).contains("<title>followers: no data (github-unread)</title>");
        // The contract's JSON and Smiirl's still answer 503 before any data.
        assertThat(api.get("/api/metrics/github-unread?format=smiirl").statusCode())
                .isEqualTo(503);
        RefreshIdle.waitFor(camel);
    }

    @Test
    void servesAnSvgBadgeSizedForTheNumber() throws Exception {
        seeded("badge");

        HttpResponse<String> response = api.get("/api/metrics/github-badge/badge.svg");
        System.out.println("[formats] badge: " + response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public, max-age=");
        Document svg = parse(response.body());
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("followers: 12,345 (badge)");

        // The total's badge and a named ticker's are served the same way.
        HttpResponse<String> total = api.get("/api/metrics/badge.svg");
        assertThat(total.statusCode()).isEqualTo(200);
        assertThat(total.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        parse(total.body());
        assertThat(api.get("/api/tickers/pair/badge.svg").statusCode()).isEqualTo(200);
        RefreshIdle.waitFor(camel);
    }

    /**
     * A badge is read by an {@code <img>}, which shows a JSON error as a broken image: a badge of a
     * source or ticker that does not exist, or of a malformed one, is a badge saying so, with its
     * status. The same requests for JSON still answer the API's JSON problem.
     */
    @Test
    void answersABadgeThatSaysNotFoundOrInvalid() throws Exception {
        assertRefusedBadge(
                "/api/metrics/github-nobody/badge.svg", 404, "not found", "No source has the id 'github-nobody'");
        assertRefusedBadge("/api/tickers/nobody/badge.svg", 404, "not found", "No ticker is named 'nobody'");
        assertRefusedBadge("/api/metrics/Bad_Id/badge.svg", 400, "invalid id", "A source id matches");
        assertRefusedBadge("/api/tickers/Bad_Name/badge.svg", 400, "invalid name", "A ticker's name matches");

        assertProblem(api.get("/api/metrics/github-nobody"), 404, "SOURCE_NOT_FOUND");
        assertProblem(api.get("/api/tickers/nobody"), 404, "TICKER_NOT_FOUND");
        assertProblem(api.get("/api/metrics/Bad_Id"), 400, "INVALID_SOURCE_ID");
        assertProblem(api.get("/api/tickers/nobody?format=shields"), 404, "TICKER_NOT_FOUND");
    }

    private void assertRefusedBadge(String path, int status, String words, String why) throws Exception {
        HttpResponse<String> response = api.get(path);

        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("image/svg+xml");
        assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        Document svg = parse(response.body());
        assertThat(svg.getDocumentElement().getAttribute("aria-label")).isEqualTo("followers: " + words);
        assertThat(svg.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .startsWith("followers: " + words + ". " + why);
    }

    @Test
    void answersEachFormatWithItsOwnETagAnd304() {
        read("etags", 2000);
        Set<String> etags = new HashSet<>();
        for (String path : List.of(
                "/api/metrics/github-etags",
                "/api/metrics/github-etags?format=smiirl",
                "/api/metrics/github-etags?format=shields",
                "/api/metrics/github-etags?format=lametric",
                "/api/metrics/github-etags?format=awtrix",
                "/api/metrics/github-etags/badge.svg")) {
            HttpResponse<String> first = api.get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etags.add(etag)).as("a tag of its own: " + path).isTrue();
            assertThat(first.headers().firstValue("Last-Modified")).as(path).isPresent();

            HttpResponse<String> again = api.get(path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        }
    }

    @Test
    void refusesAnUnknownFormat() {
        for (String format : List.of("xml", "badge", "SHIELDS")) {
            assertProblem(api.get("/api/metrics?format=" + format), 400, "INVALID_FORMAT");
        }
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
