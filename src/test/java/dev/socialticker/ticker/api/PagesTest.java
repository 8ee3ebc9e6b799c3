package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.SharedServiceTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    /** A module's relative imports, and the files it names beside itself ({@code new URL('./x', import.meta.url)}). */
    private static final Pattern RELATIVE = Pattern.compile("['\"]\\./([a-z0-9-]+\\.(?:js|css))['\"]");

    private static final String ALLOWED_ORIGIN = "https://fans.example";

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
            "/constructed-sheet.js",
            "/brand-icons.js",
            "/charts.js",
            "/chart-data.js",
            "/chart-draw.js",
            "/ticker-chart.js",
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
        // uplot.js names both (the module, and the stylesheet an embedded chart links), charts.html the stylesheet.
        assertThat(named).as("uPlot's module and stylesheet").hasSize(3);
        for (String path : Set.copyOf(named)) {
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode())
                    .as("%s: the version the page names is the one packaged (pom.xml uplot.version)", path)
                    .isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).containsAnyOf("javascript", "text/css"));
            assertThat(response.headers().firstValue("ETag")).as(path).isPresent();
        }
        for (String styles :
                new String[] {"/screen.css", "/console.css", "/charts.css", "/chart-colours.css", "/status.css"}) {
            assertThat(api.get(styles).headers().firstValue("Content-Type"))
                    .as(styles)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        }
    }

    /**
     * Another site embeds {@code <social-ticker-chart>} as it does {@code <social-ticker>}: the element's
     * module, every module and stylesheet it reaches by relative address (read from the files, so a new
     * import is covered), and uPlot's, are served to an allowed origin with its CORS header, a module
     * script needs it; and refused to another, as ticker.js is.
     */
    @Test
    void theEmbeddableChartAndAllItLoadsAreServedToAnAllowedOrigin() throws IOException {
        ApiClient api = new ApiClient(port);
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of("ticker-chart.js"));
        while (!next.isEmpty()) {
            String file = next.pop();
            if (reached.add(file) && file.endsWith(".js")) {
                String source = Files.readString(Path.of("frontend/src", file));
                Matcher relative = RELATIVE.matcher(source);
                while (relative.find()) {
                    next.add(relative.group(1));
                }
                Matcher webjar = WEBJAR.matcher(source);
                while (webjar.find()) {
                    reached.add(webjar.group().substring(1));
                }
            }
        }
        assertThat(reached)
                .as("what the element loads")
                .contains(
                        "chart-draw.js",
                        "chart-data.js",
                        "uplot.js",
                        "chart-colours.css",
                        "webjars/uplot/1.6.30/dist/uPlot.esm.js",
                        "webjars/uplot/1.6.30/dist/uPlot.min.css");
        for (String file : reached) {
            HttpResponse<String> response = api.get("/" + file, "Origin", ALLOWED_ORIGIN);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(file)
                    .hasValue(ALLOWED_ORIGIN);
        }
        assertThat(api.get("/ticker-chart.js", "Origin", "https://evil.example").statusCode())
                .as("another site, not in ticker.cors.allowed-origins")
                .isEqualTo(403);
    }
}
