package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.SharedServiceTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pages beside the ticker's own (the big screen at /screen, the charts at /charts, the status
 * console at /status) are served at their own addresses like it, with the query kept, and everything
 * they load comes from the service: their modules and styles, and uPlot from the jar's WebJar at the
 * very address the charts name.
 */
class PagesTest extends SharedServiceTest {
    private static final Pattern WEBJAR = Pattern.compile("/webjars/uplot/[^\"' ]+");

    @Test
    void eachIsServedAtItsOwnAddressWithTheQueryKept() {
        ApiClient api = new ApiClient(port);
        for (String path : new String[] {
            "/screen",
            "/screen?show=rotate&theme=dark&rotate-every=15",
            "/charts",
            "/charts?src=github&range=1y&locale=de-DE",
            "/status",
            "/status?failing=true&theme=dark"
        }) {
            String module = path.replaceFirst("\\?.*", "") + ".js";
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
                    .as("%s, with no inline style or script to allow", path)
                    .contains("<script type=\"module\" src=\"" + module + "\"></script>")
                    .doesNotContain("<style")
                    .doesNotContainPattern("<script(?![^>]*\\ssrc=)");
        }
    }

    @Test
    void theirModulesStylesAndUplotAreServedFromTheJarAtTheAddressesThePagesName() throws IOException {
        ApiClient api = new ApiClient(port);
        for (String module : new String[] {
            "/screen.js",
            "/screen-settings.js",
            "/release-check.js",
            "/wake-lock.js",
            "/fit-text.js",
            "/brand-icons.js",
            "/charts.js",
            "/chart-data.js",
            "/uplot.js",
            "/provider-display.js",
            "/page-theme.js",
            "/status.js",
            "/status-table.js",
            "/status-admin.js",
            "/sparkline.js"
        }) {
            HttpResponse<String> response = api.get(module);
            assertThat(response.statusCode()).as(module).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(module)
                    .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        }
        List<String> named = new ArrayList<>();
        for (String file : new String[] {"frontend/src/uplot.js", "frontend/src/charts.html"}) {
            Matcher found = WEBJAR.matcher(Files.readString(Path.of(file)));
            while (found.find()) {
                named.add(found.group());
            }
        }
        assertThat(named).as("uPlot's module and stylesheet").hasSize(2);
        for (String path : named) {
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode())
                    .as("%s: the version the page names is the one packaged (pom.xml uplot.version)", path)
                    .isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).containsAnyOf("javascript", "text/css"));
            assertThat(response.headers().firstValue("ETag")).as(path).isPresent();
        }
        for (String styles : new String[] {"/screen.css", "/console.css", "/charts.css", "/status.css"}) {
            assertThat(api.get(styles).headers().firstValue("Content-Type"))
                    .as(styles)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        }
    }
}
