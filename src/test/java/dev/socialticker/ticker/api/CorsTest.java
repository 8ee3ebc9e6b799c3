package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Another site may embed the ticker: the API answers its origin, and only an allowed one. */
class CorsTest extends SharedServiceTest {
    @Test
    void allowedOriginsMayReadTheApiAndTheirETags() {
        everySourceRefreshed();

        HttpResponse<String> response = api.get("/api/metrics", "Origin", "https://fans.example");
        assertThat(response.statusCode()).isEqualTo(200);

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://fans.example");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(value -> assertThat(value).contains("ETag", "Date", "Age"));
        // A shared cache must keep one copy per origin: the allowed origin is in the answer.
        assertThat(response.headers().allValues("Vary"))
                .anySatisfy(value -> assertThat(value).contains("Origin"));
        assertThat(api.get("/api/ui-config", "Origin", "https://fans.example")
                        .headers()
                        .firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://fans.example");
    }

    /**
     * The page's module scripts are fetched with an Origin even from their own site: answered as any
     * same-site request, not refused for being missing from the list.
     */
    @Test
    void thePagesOwnOriginIsNoCrossOriginRequest() {
        URI base = URI.create(api.base());
        String own = "http://" + base.getAuthority();
        for (String path : new String[] {"/ticker.js", "/api/ui-config"}) {
            HttpResponse<String> response = api.get(path, "Origin", own);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path)
                    .isEmpty();
        }
        // Another site, not in the list, is refused the script.
        assertThat(api.get("/ticker.js", "Origin", "https://evil.example").statusCode())
                .isEqualTo(403);
    }

    @Test
    void otherOriginsGetNoCorsHeaders() {
        HttpResponse<String> response = api.get("/api/ui-config", "Origin", "https://evil.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
