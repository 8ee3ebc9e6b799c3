package dev.socialticker.ticker.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The outputs' guide shows each template's parameters as declared (the tables are rendered from the
 * declarations; this keeps them equal), and the folder ships no live output: the default start pushes
 * nothing.
 */
class OutputCatalogTest {
    static final Path OUTPUTS = Path.of("routes", "outputs");

    @Test
    void theGuideShowsEveryTemplatesParametersAsDeclared() throws IOException {
        String guide = Files.readString(OUTPUTS.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(guide).contains(OutputSpec.COMMON.markdownTable());
        for (String template : List.of("webhook", "smiirl-push", "awtrix-http", "mqtt")) {
            String table = dev.socialticker.ticker.routefile.TemplateDefinition.load(
                            "output/" + template + ".definition.yaml", java.util.Map.of())
                    .markdownTable();
            assertThat(guide).as(template).contains("## Template `" + template + "`");
            assertThat(guide).as(template).contains(table);
        }
    }

    @Test
    void theDefaultStartHasNoOutput() throws IOException {
        try (Stream<Path> files = Files.list(OUTPUTS)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("only the guide: examples live in it, not as files that would run")
                    .containsExactly("README.md");
        }
    }
}
