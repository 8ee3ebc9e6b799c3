package dev.socialticker.ticker.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's reference table is what the configuration metadata renders: a key added,
 * renamed or re-described in the records shows up as a failure here until the page is regenerated.
 * {@code ./mvnw test -Dtest=ConfigurationReferenceTest -Dconfig.reference.write=true} rewrites the
 * section between the markers and leaves the prose around it alone.
 */
class ConfigurationReferenceTest {
    static final Path PAGE = Path.of("docs/configuration.md");
    static final String REGENERATE = "./mvnw test -Dtest=ConfigurationReferenceTest -Dconfig.reference.write=true";

    @Test
    void typesReadAsAReaderOfYamlThinksOfThemAtAnyDepth() {
        assertThat(ConfigurationReference.type("java.time.Duration")).isEqualTo("Duration");
        assertThat(ConfigurationReference.type("java.util.List<java.lang.Long>"))
                .isEqualTo("List&lt;Long&gt;");
        assertThat(ConfigurationReference.type(
                        "java.util.Map<java.lang.String,java.util.Map<java.lang.String,java.lang.String>>"))
                .isEqualTo("Map&lt;String, Map&lt;String, String&gt;&gt;");
    }

    @Test
    void thePageHasTheTableTheMetadataRenders() throws IOException {
        List<JsonNode> properties = ConfigurationReference.properties();
        String rendered = ConfigurationReference.render(properties);
        String page = Files.readString(PAGE);
        int begin = page.indexOf(ConfigurationReference.BEGIN);
        int end = page.indexOf(ConfigurationReference.END);
        assertThat(begin)
                .as("%s has the marker %s", PAGE, ConfigurationReference.BEGIN)
                .isNotNegative();
        assertThat(end)
                .as("%s has the marker %s after the first", PAGE, ConfigurationReference.END)
                .isGreaterThan(begin);
        String committed = page.substring(begin, end + ConfigurationReference.END.length());

        if (Boolean.getBoolean("config.reference.write") && !committed.equals(rendered)) {
            Files.writeString(
                    PAGE,
                    page.substring(0, begin) + rendered + page.substring(end + ConfigurationReference.END.length()));
            committed = rendered;
        }
        System.out.printf("[config-reference] %d ticker.* keys%n", properties.size());
        assertThat(committed)
                .as(
                        "%s's generated table differs from what the configuration metadata renders; after a deliberate"
                                + " change to the properties (or their Javadoc), regenerate it with%n  %s%nand review the diff",
                        PAGE, REGENERATE)
                .isEqualTo(rendered);
    }

    @Test
    void everyTickerKeyOfTheMetadataIsARowWithADescription() throws IOException {
        List<JsonNode> properties = ConfigurationReference.properties();
        String rendered = ConfigurationReference.render(properties);

        assertThat(properties)
                .as("keys the feature records and the additional metadata declare")
                .hasSizeGreaterThan(40);
        for (JsonNode property : properties) {
            assertThat(rendered).contains("| `" + property.path("name").asText() + "` | ");
        }
        assertThat(rendered)
                .contains("| `ticker.refresh.period` | Duration | `60s` | ")
                .contains("| `ticker.store.type` | `file`, `memory`, `redis` | `file` | ")
                .contains("| `ticker.cors.allowed-origins` | List&lt;String&gt; | — | ")
                .contains("| `ticker.providers.youtube.api-key` | String | — | ");
    }

    @Test
    void descriptionsCannotBreakTheTable() {
        assertThat(ConfigurationReference.escape("a | b, /api/admin/**, ticker.tickers.<name>, TICKER_X_Y"))
                .isEqualTo("a \\| b, /api/admin/\\*\\*, ticker.tickers.&lt;name&gt;, TICKER\\_X\\_Y");
    }
}
