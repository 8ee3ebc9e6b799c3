package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.HttpDates;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hardening and cache headers on the page, its assets, the API and the actuator. */
class ResponseHardeningTest extends SharedServiceTest {
    @Test
    void everyResponseForbidsSniffingAndReferrersAndCarriesTheDate() {
        ApiClient api = new ApiClient(port);
        Map<String, ApiClient> paths = new LinkedHashMap<>();
        for (String path : new String[] {
            "/",
            "/ticker.js",
            "/page.css",
            "/favicon.svg",
            "/api/metrics",
            "/api/metrics/nope",
            "/api/ui-config",
            "/no-such-page"
        }) {
            paths.put(path, api);
        }
        // The actuator, on the management server's port.
        paths.put("/actuator/health", new ApiClient(managementPort));
        paths.put("/actuator/no-such-endpoint", new ApiClient(managementPort));
        for (Map.Entry<String, ApiClient> read : paths.entrySet()) {
            String path = read.getKey();
            HttpResponse<String> response = read.getValue().get(path);
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .hasValue("no-referrer");
            // The service's clock (RFC 9110 §6.6.1): the ticker judges staleness by it, not its own.
            assertThat(response.headers().firstValue("Date"))
                    .as(path)
                    .hasValueSatisfying(date ->
                            assertThat(HttpDates.parse(date, Clock.systemUTC())).isPresent());
        }
    }

    @Test
    void thePageAndItsScriptCarryAContentSecurityPolicyTheApiDoesNot() {
        ApiClient api = new ApiClient(port);
        for (String path : new String[] {"/", "/ticker.js"}) {
            HttpResponse<String> response = api.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                            + " connect-src 'self'; base-uri 'none'; form-action 'none'");
        }
        HttpResponse<String> metrics = api.get("/api/metrics");
        assertThat(metrics.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(api.get("/").body())
                .as("no inline style or script to allow")
                .doesNotContain("<style")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)");
    }

    @Test
    void staticAssetsAreCachedBrieflyAndRevalidatedWithAnEntityTag() {
        ApiClient api = new ApiClient(port);
        HttpResponse<String> script = api.get("/ticker.js");
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
        String etag = script.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = api.get("/ticker.js", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }
}
