package dev.socialticker.ticker.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.RefreshIdle;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/metrics} over real HTTP: shapes, status codes, caching headers, stale reads. */
class MetricsApiTest extends ApiReadsServiceTest {

    @BeforeEach
    void aThousandFollowers() {
        upstream.stubFor(
                get(urlPathEqualTo(PATH)).willReturn(okJson("{\"followers_count\": 1000, \"username\": \"acme\"}")));
    }

    @Test
    void answers503WithRetryAfterBeforeAnyData() {
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

        HttpResponse<String> response = api.get("/api/metrics");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After"))
                .hasValueSatisfying(value -> assertThat(Long.parseLong(value)).isPositive());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = ApiClient.json(response);
        assertThat(body.get("total").isNull()).isTrue();
        assertThat(body.get("stale").asBoolean()).isTrue();
        assertThat(body.at("/error/code").asText()).isEqualTo("NO_DATA");
        assertThat(body.get("sources")).hasSize(2);

        // The read wire-tapped a refresh; it failed, so the answer stays 503, now with the real cause.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> failed = api.get("/api/metrics/acme");
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.headers().firstValue("Retry-After")).isPresent();
            JsonNode failedBody = ApiClient.json(failed);
            assertThat(failedBody.get("total").isNull()).isTrue();
            assertThat(failedBody.at("/error/code").asText()).isEqualTo("UPSTREAM_UNAVAILABLE");
        });
    }

    @Test
    void whileTheFirstRefreshRunsA503AsksToComeBackInASecond() {
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson("{\"followers_count\": 1000, \"username\": \"acme\"}")
                        .withFixedDelay(2_000)));
        api.get("/api/metrics/acme");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !upstream.getAllServeEvents().isEmpty());

        HttpResponse<String> response = api.get("/api/metrics/acme");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void sumsTheSourcesAndServesTheContractShape() {
        refresh(ACME, DEMO);
        long demoTotal = ApiClient.json(api.get("/api/metrics/demo-side-project"))
                .get("total")
                .asLong();

        HttpResponse<String> response = api.get("/api/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(response);
        assertThat(body.get("total").asLong()).isEqualTo(1000 + demoTotal);
        assertThat(body.get("profile").isNull())
                .as("profile only with exactly one source")
                .isTrue();
        assertThat(body.get("refreshedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(body.get("stale").asBoolean()).isFalse();
        assertThat(body.get("error").isNull()).isTrue();
        assertThat(body.get("sources")).hasSize(2);
        JsonNode acme = body.get("sources").get(0);
        assertThat(acme.get("id").asText()).isEqualTo("acme");
        assertThat(acme.get("provider").asText()).isEqualTo("instagram");
        assertThat(acme.get("profile").asText()).isEqualTo("acme");
        assertThat(acme.get("total").asLong()).isEqualTo(1000);
        assertThat(acme.get("stale").asBoolean()).isFalse();
        assertThat(acme.has("error")).isTrue();
        assertThat(ApiClient.json(api.get("/api/metrics/acme"))).isEqualTo(acme);
    }

    @Test
    void everyBodySaysUntilWhenItsDataIsFresh() {
        refresh(ACME);
        JsonNode fresh = ApiClient.json(api.get("/api/metrics"));
        Instant refreshedAt = Instant.parse(fresh.at("/sources/0/refreshedAt").asText());
        String staleAt = refreshedAt.plus(Duration.ofSeconds(120)).toString();
        assertThat(fresh.at("/sources/0/staleAt").asText())
                .as("refreshedAt + stale-after (2 x 60 s)")
                .isEqualTo(staleAt);
        assertThat(fresh.at("/sources/1/staleAt").isNull())
                .as("no data, no expiry")
                .isTrue();
        assertThat(fresh.get("staleAt").asText())
                .as("the earliest among sources with data")
                .isEqualTo(staleAt);
        assertThat(fields(fresh))
                .containsExactly(
                        "total",
                        "profile",
                        "refreshedAt",
                        "staleAt",
                        "stale",
                        "error",
                        "growth",
                        "nextMilestone",
                        "sources");

        // The read above found demo without data and asked for its refresh in the background; the
        // gate runs one refresh per source at a time, so this one would be skipped while that one
        // runs, and the read after it could come first (CI once saw demo still without data).
        RefreshIdle.waitFor(camel);
        refresh(DEMO);
        JsonNode both = ApiClient.json(api.get("/api/metrics"));
        Instant demoStaleAt = Instant.parse(both.at("/sources/1/staleAt").asText());
        assertThat(demoStaleAt)
                .isEqualTo(Instant.parse(both.at("/sources/1/refreshedAt").asText())
                        .plusSeconds(120));
        Instant acmeStaleAt = Instant.parse(both.at("/sources/0/staleAt").asText());
        assertThat(both.get("staleAt").asText())
                .as("the earliest of the two")
                .isEqualTo((demoStaleAt.isBefore(acmeStaleAt) ? demoStaleAt : acmeStaleAt).toString());

        // Past staleAt the body says stale; staleAt itself does not move until the data does.
        clock.advance(Duration.ofMinutes(3));
        JsonNode old = ApiClient.json(api.get("/api/metrics/acme"));
        assertThat(old.get("stale").asBoolean()).isTrue();
        assertThat(old.get("staleAt").asText()).isEqualTo(staleAt);
    }

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void lastModifiedIsAnImfFixdateWithATwoDigitDay() {
        // Move the clock to 10:00:00 on the next 3rd of a month: a one-digit day would show there.
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        ZonedDateTime third = now.plusMonths(1)
                .withDayOfMonth(3)
                .withHour(10)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        clock.advance(Duration.between(now, third));
        refresh(ACME, DEMO);
        ZonedDateTime refreshed = clock.instant().atZone(ZoneOffset.UTC);

        String lastModified =
                api.get("/api/metrics").headers().firstValue("Last-Modified").orElseThrow();

        assertThat(lastModified)
                .isEqualTo(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                        .format(refreshed));
        assertThat(lastModified).matches("[A-Z][a-z]{2}, 03 [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
    }

    @Test
    void sendsCachingHeadersAndAnswers304ToAMatchingETag() {
        refresh(ACME, DEMO);
        clock.advance(Duration.ofSeconds(20));

        HttpResponse<String> response = api.get("/api/metrics");

        // stale-after defaults to 2 × 60 s; 20 s have passed: 100 s until staleAt, less the cache
        // headroom of (120 s - 60 s) / 2, so a cache fetches the next copy before staleAt.
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=70, stale-while-revalidate=60, stale-if-error=86400");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
        String lastModified = response.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant())
                .as("when the data last changed")
                .isEqualTo(clock.instant().minusSeconds(20));

        HttpResponse<String> notModified = api.get("/api/metrics", "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);

        assertThat(api.get("/api/metrics", "If-None-Match", "\"something-else\"")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/metrics", "If-None-Match", "\"x\", W/" + etag).statusCode())
                .isEqualTo(304);
    }

    @Test
    void servesASmiirlCounterItsNumber() {
        HttpResponse<String> before = api.get("/api/metrics?format=smiirl");
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(before.body()).isEqualTo("{\"number\":null}");
        // That read asked for a background refresh; let it land before taking the totals.
        RefreshIdle.waitFor(camel);
        refresh(ACME, DEMO);
        long total = ApiClient.json(api.get("/api/metrics")).get("total").asLong();

        HttpResponse<String> all = api.get("/api/metrics?format=smiirl");
        HttpResponse<String> one = api.get("/api/metrics/acme?format=smiirl");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).isEqualTo("{\"number\":" + total + "}");
        assertThat(one.body()).isEqualTo("{\"number\":1000}");
        assertThat(one.headers().firstValue("Content-Type")).hasValue("application/json");
        String etag = one.headers().firstValue("ETag").orElseThrow();
        assertThat(etag)
                .isNotEqualTo(api.get("/api/metrics/acme")
                        .headers()
                        .firstValue("ETag")
                        .orElseThrow());
        assertThat(api.get("/api/metrics/acme?format=smiirl", "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);
        HttpResponse<String> unknown = api.get("/api/metrics?format=xml");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unknown).at("/error/code").asText()).isEqualTo("INVALID_FORMAT");
    }

    @Test
    void doesNotEchoRequestHeaders() {
        refresh(ACME, DEMO);
        HttpResponse<String> response = api.get("/api/metrics", "X-Request-Id", "abc", "Accept", "application/json");
        assertThat(response.headers().map()).doesNotContainKeys("x-request-id", "accept", "user-agent");
    }

    @Test
    void everyAnswerCarriesItsLengthInsteadOfBeingChunked() {
        refresh(ACME, DEMO);
        for (String path : List.of(
                "/api/metrics",
                "/api/metrics/acme",
                "/api/metrics?format=smiirl",
                "/api/metrics/nobody",
                "/api/ui-config",
                "/api/openapi.json")) {
            HttpResponse<String> response = api.get(path);

            assertThat(response.headers().firstValue("Transfer-Encoding"))
                    .as(path)
                    .isEmpty();
            assertThat(response.headers().firstValueAsLong("Content-Length"))
                    .as(path)
                    .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void theETagChangesWhenTheDataChanges() {
        refresh(ACME, DEMO);
        String before = api.get("/api/metrics").headers().firstValue("ETag").orElseThrow();
        upstream.stubFor(
                get(urlPathEqualTo(PATH)).willReturn(okJson("{\"followers_count\": 1001, \"username\": \"acme\"}")));

        refresh(ACME);

        HttpResponse<String> after = api.get("/api/metrics", "If-None-Match", before);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(before));
        assertThat(ApiClient.json(after).at("/sources/0/total").asLong()).isEqualTo(1001);
    }

    @Test
    void rejectsMalformedIdsWith400AndUnknownIdsWith404() {
        HttpResponse<String> malformed = api.get("/api/metrics/Not_An_Id");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(malformed).at("/error/code").asText()).isEqualTo("INVALID_SOURCE_ID");
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/json");

        HttpResponse<String> unknown = api.get("/api/metrics/nobody");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(unknown).at("/error/code").asText()).isEqualTo("SOURCE_NOT_FOUND");
    }

    @Test
    void servesStaleDataAtOnceAndRefreshesItInTheBackground() {
        refresh(ACME, DEMO);
        RefreshIdle.waitFor(camel);
        upstream.resetRequests();
        upstream.stubFor(
                get(urlPathEqualTo(PATH)).willReturn(okJson("{\"followers_count\": 1500, \"username\": \"acme\"}")));
        clock.advance(Duration.ofMinutes(3));

        HttpResponse<String> stale = api.get("/api/metrics");

        JsonNode body = ApiClient.json(stale);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(body.get("stale").asBoolean()).isTrue();
        assertThat(body.at("/sources/0/total").asLong())
                .as("last known value, at once")
                .isEqualTo(1000);
        assertThat(stale.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("public, max-age=0,"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode fresh = ApiClient.json(api.get("/api/metrics"));
            assertThat(fresh.at("/sources/0/total").asLong()).isEqualTo(1500);
            assertThat(fresh.get("stale").asBoolean()).isFalse();
        });
        upstream.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("access_token", equalTo(TOKEN)));
    }

    @Test
    void aFailingSourceLeavesTheOthersFreshAndTheTotalBuiltFromLastKnownValues() {
        refresh(ACME, DEMO);
        long demoTotal = ApiClient.json(api.get("/api/metrics/demo-side-project"))
                .get("total")
                .asLong();
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

        refresh(ACME);

        JsonNode body = ApiClient.json(api.get("/api/metrics"));
        assertThat(body.get("total").asLong()).isEqualTo(1000 + demoTotal);
        assertThat(body.get("stale").asBoolean()).isTrue();
        assertThat(body.at("/error/code").asText()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(body.at("/error/httpStatus").asInt()).isEqualTo(500);
        assertThat(body.at("/error/at").asText()).isEqualTo(clock.instant().toString());
        assertThat(body.at("/sources/0/stale").asBoolean()).isTrue();
        assertThat(body.at("/sources/1/stale").asBoolean()).isFalse();
        assertThat(body.at("/sources/1/error").isNull()).isTrue();
    }

    @Test
    void servesTheTickerPageDefaults() {
        HttpResponse<String> response = api.get("/api/ui-config");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(response);
        assertThat(body.get("pollIntervalSeconds").asInt()).isEqualTo(10);
        assertThat(body.get("fallbackMessage").asText()).isEqualTo("Follower count coming soon");
    }

    @Test
    void theAdminApiIsOffWithoutAToken() {
        HttpResponse<String> response = api.get("/api/admin/cache");
        assertThat(response.statusCode()).isEqualTo(404);
    }
}
