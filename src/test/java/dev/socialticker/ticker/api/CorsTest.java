package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.support.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Another site may embed the ticker: the API answers its origin, and only an allowed one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The indexed form, as a YAML list binds; the browser test uses the comma-separated form.
        properties = "ticker.cors.allowed-origins[0]=https://fans.example")
class CorsTest {
    @LocalServerPort
    int port;

    @Test
    void allowedOriginsMayReadTheApiAndTheirETags() {
        ApiClient api = new ApiClient(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/metrics").statusCode() == 200);

        HttpResponse<String> response = api.get("/api/metrics", "Origin", "https://fans.example");

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://fans.example");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                value -> assertThat(value).contains("ETag", "Date", "Age"));
        // A shared cache must keep one copy per origin: the allowed origin is in the answer.
        assertThat(response.headers().allValues("Vary")).anySatisfy(value -> assertThat(value).contains("Origin"));
        assertThat(api.get("/api/ui-config", "Origin", "https://fans.example").headers()
                .firstValue("Access-Control-Allow-Origin")).hasValue("https://fans.example");
    }

    @Test
    void otherOriginsGetNoCorsHeaders() {
        HttpResponse<String> response = new ApiClient(port).get("/api/ui-config", "Origin", "https://evil.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
