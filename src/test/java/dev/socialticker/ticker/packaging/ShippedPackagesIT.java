package dev.socialticker.ticker.packaging;

import dev.socialticker.ticker.support.PackagedJar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 36's card, read from the packaged jar itself: each package of the service's runtime travels in
 * {@code BOOT-INF/lib}, the REST DSL's transport is platform-http with its Vert.x engine (Camel's
 * servlet, which it replaced, is gone), and the card's test package stays a test dependency. Which
 * component the running REST DSL uses is checked on the running service ({@code RestTransportTest}).
 */
class ShippedPackagesIT {
    /** The card's runtime packages, by artifact id. */
    static final List<String> SHIPPED = List.of(
            "camel-spring-boot-starter",
            "camel-http",
            "camel-timer",
            "camel-caffeine",
            "camel-jackson",
            "camel-platform-http",
            "camel-platform-http-vertx",
            "camel-micrometer");
    /** The card's test package, and the REST transport platform-http replaced. */
    static final List<String> NOT_SHIPPED = List.of("camel-test-spring-junit5", "camel-servlet");

    /** A library's file name: its artifact id, then its version (which starts with a digit). */
    static final Pattern LIBRARY = Pattern.compile("BOOT-INF/lib/(.+?)-\\d[^/]*\\.jar");

    @Test
    void theJarShipsEachRuntimePackageOfTheCardAndNoTestOne() throws IOException {
        Path jar = PackagedJar.packagedJar();
        List<String> camel = camelLibraries(jar);

        SoftAssertions card = new SoftAssertions();
        card.assertThat(camel)
                .as("Camel's libraries in %s (BOOT-INF/lib)", jar.getFileName())
                .containsAll(SHIPPED);
        card.assertThat(camel)
                .as("Camel's libraries in %s (BOOT-INF/lib)", jar.getFileName())
                .doesNotContainAnyElementsOf(NOT_SHIPPED);
        // The test package is the one the tests run on (SharedServiceTest is a @CamelSpringBootTest):
        // declared, with test scope, and so absent above.
        card.assertThat(CamelSpringBootTest.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .as("where the tests' @CamelSpringBootTest comes from")
                .contains("camel-test-spring-junit5");
        card.assertAll();
    }

    /** The artifact ids of the jar's {@code camel-*} libraries. */
    private static List<String> camelLibraries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream()
                    .map(entry -> LIBRARY.matcher(entry.getName()))
                    .filter(Matcher::matches)
                    .map(library -> library.group(1))
                    .filter(artifact -> artifact.startsWith("camel-"))
                    .sorted()
                    .toList();
        }
    }
}
