package dev.socialticker.ticker.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in the repository's Markdown (README, docs/, routes/README.md, the front end's
 * and the fixtures' notes…) leads to a file that exists and, with a #fragment, to a heading there:
 * moving or renaming a document or a heading shows up here, not in a reader's dead end.
 */
class MarkdownLinksTest {

    @Test
    void everyRelativeLinkAndAnchorInTheRepositoryLeadsSomewhere() {
        MarkdownLinks links = new MarkdownLinks(Path.of(""));
        List<Path> files = links.files();
        assertThat(files)
                .as("Markdown files found")
                .contains(
                        Path.of("README.md").toAbsolutePath(),
                        Path.of("docs/configuration.md").toAbsolutePath(),
                        Path.of("routes/README.md").toAbsolutePath());
        assertThat(files).noneMatch(file -> file.toString().contains("node_modules"));
        System.out.printf("[markdown-links] %d Markdown files checked%n", files.size());

        List<MarkdownLinks.Broken> broken = links.broken();
        assertThat(broken)
                .as(
                        "broken relative links (file:line: link (reason)):%n%s",
                        broken.stream().map(Object::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void aMissingFileOrHeadingIsReported(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("README.md"), """
                # Social Ticker
                See [the guide](docs/guide.md#running-it), [nothing](docs/gone.md),
                [a misspelt heading](docs/guide.md#runing-it) and [here](#social-ticker).
                ```
                [in a code block](not-checked.md)
                ```
                Also `[in code](not-checked-either.md)`, [outside](https://example.com/x.md) and
                ![a picture](docs/missing.png).
                """);
        Files.writeString(root.resolve("docs/guide.md"), """
                # Guide
                ## Running it
                Back to [the top](../README.md#social-ticker) and [this page's top](#guide), [up](#nowhere).
                """);

        List<MarkdownLinks.Broken> broken = new MarkdownLinks(root).broken();

        assertThat(broken)
                .map(Object::toString)
                .containsExactly(
                        "README.md:2: docs/gone.md (no such file: docs/gone.md)",
                        "README.md:3: docs/guide.md#runing-it (no heading with the anchor #runing-it in docs/guide.md)",
                        "README.md:8: docs/missing.png (no such file: docs/missing.png)",
                        "docs/guide.md:3: #nowhere (no heading with the anchor #nowhere in docs/guide.md)");
    }

    @Test
    void anchorsFollowGitHubsSlugs(@TempDir Path root) throws IOException {
        Path page = root.resolve("page.md");
        Files.writeString(page, """
                # Behind a cache: `Cache-Control`, ETag & 304
                ## `GET /api/metrics/{id}`
                ## Scaling out
                ## Scaling out
                Set-up, step by step
                --------------------
                <a id="custom-anchor"></a>
                ```
                # not a heading
                ```
                """);

        assertThat(new MarkdownLinks(root).anchors(page))
                .containsExactly(
                        "behind-a-cache-cache-control-etag--304",
                        "get-apimetricsid",
                        "scaling-out",
                        "scaling-out-1",
                        "set-up-step-by-step",
                        "custom-anchor");
        assertThat(MarkdownLinks.slug("The [`json-over-http`](#x) template")).isEqualTo("the-json-over-http-template");
        assertThat(MarkdownLinks.slug("ticker_store and Über")).isEqualTo("ticker_store-and-über");
    }
}
