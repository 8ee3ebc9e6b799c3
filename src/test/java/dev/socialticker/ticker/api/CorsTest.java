package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.support.SharedServiceTest;
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

    @Test
    void otherOriginsGetNoCorsHeaders() {
        HttpResponse<String> response = api.get("/api/ui-config", "Origin", "https://evil.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
