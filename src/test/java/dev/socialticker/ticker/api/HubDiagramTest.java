package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.TickerEvent;
import dev.socialticker.ticker.event.EventEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hub's diagram in docs/how-it-works.md ("The hub: events and who listens") against the code, so
 * it cannot drift: its events are the sealed family's, each event's publisher is the one package
 * that makes that event, and its subscribers are the routes of this running service that read the
 * hub (the fleet's only in the shared mode, which the diagram says). Runs in the API's shared
 * service: any full service has every subscriber of the embedded mode.
 */
class HubDiagramTest extends ApiReadsServiceTest {
    static final Path DOC = Path.of("docs/how-it-works.md");
    /** {@code store["store"] -->|SourceChanged| hub…} or {@code store -->|SourceTurnedStale| hub}. */
    static final Pattern PUBLISHES = Pattern.compile("^\\s*(\\w+)(?:\\[\"[^\"]*\"])? -->\\|(\\w+)\\| hub\\b");
    /** {@code hub -->|SourceChanged, …| render_view["api: render-view"]}. */
    static final Pattern SUBSCRIBES =
            Pattern.compile("^\\s*hub -->\\|([\\w, ]+)\\| \\w+\\[\"(\\w+): ([a-z-]+)( \\(shared mode\\))?\"]");

    @Autowired
    CamelContext camel;

    @Test
    void theDiagramsEventsAreTheFamilyAndEachIsPublishedByThePackageThatMakesIt() throws IOException {
        Map<String, String> publishers = new TreeMap<>();
        Map<String, Set<String>> subscribed = new TreeMap<>();
        diagram().forEach(line -> {
            Matcher publishes = PUBLISHES.matcher(line);
            if (publishes.find()) {
                publishers.put(publishes.group(2), publishes.group(1));
            }
            Matcher subscribes = SUBSCRIBES.matcher(line);
            if (subscribes.find()) {
                Arrays.stream(subscribes.group(1).split(",\\s*"))
                        .forEach(event -> subscribed
                                .computeIfAbsent(event, e -> new TreeSet<>())
                                .add(line));
            }
        });

        Set<String> family = Arrays.stream(TickerEvent.class.getPermittedSubclasses())
                .map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(publishers.keySet())
                .as("the events published in the diagram")
                .isEqualTo(family);
        assertThat(subscribed.keySet()).as("each event has a subscriber").isEqualTo(family);
        for (Map.Entry<String, String> publisher : publishers.entrySet()) {
            assertThat(packagesMaking(publisher.getKey()))
                    .as("the packages that make a " + publisher.getKey())
                    .containsExactly(publisher.getValue());
        }
    }

    @Test
    void theDiagramsSubscribersAreTheRoutesThatReadTheHub() throws IOException {
        Set<String> drawn = new TreeSet<>();
        Set<String> sharedModeOnly = new TreeSet<>();
        diagram().forEach(line -> {
            Matcher subscribes = SUBSCRIBES.matcher(line);
            if (subscribes.find()) {
                (subscribes.group(4) == null ? drawn : sharedModeOnly).add(subscribes.group(3));
            }
        });
        String hub = camel.getEndpoint(EventEndpoints.HUB).getEndpointUri();
        Set<String> running = camel.getRoutes().stream()
                .filter(route -> route.getEndpoint().getEndpointUri().equals(hub))
                .map(Route::getRouteId)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(running).as("the routes that read the hub").isEqualTo(drawn);
        assertThat(sharedModeOnly).containsExactly("fleet-announce");
    }

    /** The lines of the hub's Mermaid block. */
    private static List<String> diagram() throws IOException {
        String doc = Files.readString(DOC);
        int section = doc.indexOf("### The hub: events and who listens");
        assertThat(section).as("the hub's section in " + DOC).isNotNegative();
        int start = doc.indexOf("```mermaid", section);
        int end = doc.indexOf("```", start + 3);
        return doc.substring(start, end).lines().toList();
    }

    /** The feature packages whose main code constructs the event (the domain defines it). */
    private static Set<String> packagesMaking(String event) throws IOException {
        Path root = Path.of("src/main/java/dev/socialticker/ticker");
        Set<String> packages = new TreeSet<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(root)) {
            sources.filter(path -> path.toString().endsWith(".java")).forEach(files::add);
        }
        for (Path file : files) {
            if (Files.readString(file).contains("new " + event + "(")) {
                String feature = root.relativize(file).getName(0).toString();
                if (!feature.equals("domain")) {
                    packages.add(feature);
                }
            }
        }
        return packages;
    }
}
