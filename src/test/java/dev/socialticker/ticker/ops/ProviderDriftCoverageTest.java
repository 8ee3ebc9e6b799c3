package dev.socialticker.ticker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The weekly drift check (.github/workflows/provider-drift.yml) tries every built-in provider file
 * against its real upstream, but those whose token only a person's sign-in gives: a new file is not
 * forgotten there.
 */
class ProviderDriftCoverageTest {
    /** Not tried, and why: a job would need a refresh token a person's sign-in gave (docs/connect.md). */
    static final Map<String, String> NOT_TRIED = Map.of(
            "tiktok", "a refresh token from a person's sign-in",
            "linkedin", "a refresh token from a person's sign-in");

    @Test
    void everyBuiltInProviderIsTriedAgainstItsRealUpstreamOrSaysWhyNot() throws IOException {
        Set<String> builtIn = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".camel.yaml"))
                    .forEach(name -> builtIn.add(name.substring(0, name.length() - ".camel.yaml".length())));
        }
        Set<String> tried = new TreeSet<>();
        Matcher job = Pattern.compile("(?m)^\\s+- provider: ([a-z0-9-]+)\\s*$")
                .matcher(Files.readString(Path.of(".github/workflows/provider-drift.yml")));
        while (job.find()) {
            tried.add(job.group(1));
        }

        Set<String> expected = new TreeSet<>(builtIn);
        expected.removeAll(NOT_TRIED.keySet());
        assertThat(tried).as("the drift check's jobs").isEqualTo(expected);
    }
}
