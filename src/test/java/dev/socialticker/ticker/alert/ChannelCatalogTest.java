package dev.socialticker.ticker.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.routefile.TemplateDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The channels' guide shows each template's parameters as declared (its tables are rendered from the
 * declarations; this keeps them equal), and the folder ships no live channel: the default start sends
 * no alert anywhere.
 */
class ChannelCatalogTest {
    static final Path CHANNELS = Path.of("routes", "channels");
    static final List<String> TEMPLATES =
            List.of("slack", "email", "discord", "microsoft-teams", "ntfy", "telegram", "webhook");

    @Test
    void theGuideShowsEveryTemplatesParametersAsDeclared() throws IOException {
        String guide = Files.readString(CHANNELS.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(guide).contains(ChannelSpec.COMMON.markdownTable());
        for (String template : TEMPLATES) {
            String table = TemplateDefinition.load("alert/" + template + ".definition.yaml", Map.of())
                    .markdownTable();
            assertThat(guide).as(template).contains("## Template `" + template + "`");
            assertThat(guide).as(template).contains(table);
        }
    }

    @Test
    void theDefaultStartHasNoChannel() throws IOException {
        try (Stream<Path> files = Files.list(CHANNELS)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("only the guide: examples live in it, not as files that would run")
                    .containsExactly("README.md");
        }
    }
}
