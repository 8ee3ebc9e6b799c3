package dev.socialticker.ticker.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.socialticker.ticker.support.RequiredTool;
import dev.socialticker.ticker.support.TokenProvidersServiceTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What operators are shipped in {@code ops/}: the Prometheus alert rules pass their own unit tests
 * ({@code promtool test rules}), and every metric and label the rules and the Grafana dashboard
 * query is one this service really exposes on {@code /actuator/prometheus} — a renamed metric
 * would otherwise leave a dashboard blank and an alert silent, with nothing failing.
 */
// The kept tokens' service: its sources (Instagram with the Graph API's usage headers, Threads,
// Twitch) and its Slack channel make every kind of metric exist, alert counters included.
class OperatorArtifactsTest extends TokenProvidersServiceTest {
    static final Path RULES = Path.of("ops/prometheus/alerts.yml");
    static final Path RULE_TESTS = Path.of("ops/prometheus/alerts-test.yml");
    static final Path DASHBOARD = Path.of("ops/grafana/social-ticker.json");
    /** The service's metric families; {@code up} is written by Prometheus itself, not scraped. */
    static final Pattern METRIC = Pattern.compile("\\b((?:ticker|camel|jvm|process|http)_[a-z0-9_]+)(\\{[^}]*})?");

    static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    /** Labels Prometheus adds to every scraped series. */
    static final Set<String> TARGET_LABELS = Set.of("instance", "job");

    @Test
    void theAlertRulesPassTheirUnitTests() throws Exception {
        RequiredTool.require(
                RequiredTool.find("promtool").isPresent(),
                "OperatorArtifactsTest",
                "promtool (Debian package prometheus)");
        String check = run("promtool", "check", "rules", RULES.getFileName().toString());
        String test = run("promtool", "test", "rules", RULE_TESTS.getFileName().toString());
        System.out.println("[promtool] $ promtool check rules alerts.yml\n" + check
                + "\n[promtool] $ promtool test rules alerts-test.yml\n" + test);
        assertThat(check).contains("SUCCESS");
        assertThat(test).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyMetricAndLabelTheDashboardAndTheRulesQueryIsExposed() throws IOException {
        // One refresh whose answer carries the Graph API's usage headers: every kind of metric exists.
        upstream.stubFor(get(urlPathEqualTo(GRAPH_PATH))
                .willReturn(okJson("{\"followers_count\": 5, \"username\": \"acme\"}")
                        .withHeader("X-App-Usage", "{\"call_count\": 12, \"total_cputime\": 3, \"total_time\": 4}")));
        refresh(INSTAGRAM);
        String scrape = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> management.get("/actuator/prometheus").body(),
                        body -> body.contains("ticker_provider_quota_ratio{"));

        List<String> queries = new ArrayList<>(ruleExpressions());
        List<String> dashboard = dashboardQueries();
        queries.addAll(dashboard);
        Set<String> checked = new TreeSet<>();
        for (String query : queries) {
            Matcher metric = METRIC.matcher(query);
            while (metric.find()) {
                String name = metric.group(1);
                List<String> series = scrape.lines()
                        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                        .toList();
                assertThat(series)
                        .as("%s (queried by `%s`) on /actuator/prometheus", name, query)
                        .isNotEmpty();
                if (metric.group(2) != null) {
                    Matcher label = MATCHER.matcher(metric.group(2));
                    while (label.find()) {
                        String labelName = label.group(1);
                        if (!TARGET_LABELS.contains(labelName)) {
                            assertThat(series)
                                    .as("label %s of %s (queried by `%s`)", labelName, name, query)
                                    .anyMatch(line -> line.contains(labelName + "=\""));
                        }
                    }
                }
                checked.add(name);
            }
        }
        System.out.println("[ops] metrics queried and exposed: " + checked);
        assertThat(checked)
                .as("the dashboard and the rules query the domain metrics")
                .contains(
                        "ticker_followers",
                        "ticker_data_age_seconds",
                        "ticker_refreshes_total",
                        "ticker_refresh_duration_seconds_bucket",
                        "ticker_provider_quota_ratio",
                        "ticker_deliveries_total",
                        "camel_exchanges_total");
    }

    @Test
    void theDashboardHasItsPanelsAndVariables() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("social-ticker");
        List<String> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            if (!panel.path("type").asText().equals("row")) {
                panels.add(panel.path("title").asText());
                assertThat(panel.path("targets"))
                        .as(panel.path("title").asText())
                        .isNotEmpty();
                assertThat(panel.path("description").asText())
                        .as(panel.path("title").asText())
                        .isNotBlank();
            }
        });
        System.out.println("[ops] dashboard panels: " + panels);
        assertThat(panels)
                .contains(
                        "Followers per source",
                        "Data age per source",
                        "Refresh outcomes",
                        "Provider quota use",
                        "Read throughput");
        assertThat(dashboard.at("/templating/list").findValuesAsText("name")).contains("datasource", "source");
    }

    private static List<String> ruleExpressions() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
        List<String> expressions = new ArrayList<>();
        rules.path("groups")
                .forEach(group -> group.path("rules")
                        .forEach(rule -> expressions.add(rule.path("expr").asText())));
        assertThat(expressions).as("alert rules in %s", RULES).hasSizeGreaterThanOrEqualTo(4);
        return expressions;
    }

    private static List<String> dashboardQueries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> queries = new ArrayList<>(dashboard.findValuesAsText("expr"));
        queries.addAll(dashboard.at("/templating/list").findValuesAsText("definition"));
        assertThat(queries).as("queries in %s", DASHBOARD).hasSizeGreaterThanOrEqualTo(8);
        return queries;
    }

    /** Runs a command in the rules' folder (the rule tests name their files relative to it). */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(RULES.getParent().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("%s ended", String.join(" ", command))
                .isTrue();
        assertThat(process.exitValue())
                .as("%s: %s", String.join(" ", command), output)
                .isZero();
        return output;
    }
}
