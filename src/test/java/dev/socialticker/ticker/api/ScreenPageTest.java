package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.SharedServiceTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The big-screen view is served at /screen, with its query, like every other page. */
class ScreenPageTest extends SharedServiceTest {
    @Test
    void theScreenIsServedAtItsOwnAddressWithTheQueryKept() {
        ApiClient api = new ApiClient(port);
        for (String path : new String[] {"/screen", "/screen?show=rotate&theme=dark&rotate-every=15"}) {
            HttpResponse<String> page = api.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue(WebHandlers.CONTENT_SECURITY_POLICY);
            assertThat(page.headers().firstValue("ETag")).as(path).isPresent();
            assertThat(page.body())
                    .as("the screen page, with no inline style or script to allow")
                    .contains("<script type=\"module\" src=\"/screen.js\"></script>")
                    .doesNotContain("<style")
                    .doesNotContainPattern("<script(?![^>]*\\ssrc=)");
        }
    }

    @Test
    void theScreensModulesAndStylesAreServedAsScriptsAndStyles() {
        ApiClient api = new ApiClient(port);
        for (String module : new String[] {
            "/screen.js",
            "/screen-settings.js",
            "/release-check.js",
            "/wake-lock.js",
            "/fit-text.js",
            "/provider-display.js",
            "/brand-icons.js"
        }) {
            HttpResponse<String> response = api.get(module);
            assertThat(response.statusCode()).as(module).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(module)
                    .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        }
        HttpResponse<String> styles = api.get("/screen.css");
        assertThat(styles.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }
}
