package dev.socialticker.ticker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.history.HistoryBook;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.token.TokenStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The package directions a newcomer can rely on (docs/development.md, "Packages"): the domain core
 * depends on nothing of the service, the store knows none of its subscribers (the history among
 * them), only the store and the refresh use its cache, the history knows none of its readers,
 * nothing calls up into the API, the hub is the one bus, the state repository knows keys and is the
 * one way to Redis, and the packages form no cycle. Checked on the compiled classes, so an
 * import that breaks a direction fails the build, not a review.
 */
@AnalyzeClasses(packages = "dev.socialticker.ticker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String ROOT = "dev.socialticker.ticker";

    @ArchTest
    static final ArchRule theDomainCoreDependsOnNothingOfTheService = classes()
            .that()
            .resideInAPackage(ROOT + ".domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(ROOT + ".domain..", "java..")
            .because("source, snapshot, state, failure and their rules are what every feature shares");

    @ArchTest
    static final ArchRule nothingCallsUpIntoTheApi = noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + ".api..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ROOT + ".api..")
            .because("the API subscribes to the hub; nothing below it calls it");

    @ArchTest
    static final ArchRule theStoreKnowsNoSubscriber = noClasses()
            .that()
            .resideInAPackage(ROOT + ".store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    ROOT + ".refresh..",
                    ROOT + ".fleet..",
                    ROOT + ".alert..",
                    ROOT + ".token..",
                    ROOT + ".api..",
                    ROOT + ".history..")
            .because("a write is published on the hub; who listens is the listener's business");

    @ArchTest
    static final ArchRule theHistoryKnowsOnlyTheChangesItRecordsAndWhereItKeepsThem = noClasses()
            .that()
            .resideInAPackage(ROOT + ".history..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    ROOT + ".api..", ROOT + ".alert..", ROOT + ".refresh..", ROOT + ".fleet..", ROOT + ".token..")
            .because("the history subscribes to the hub and keeps its document in the state repository; the API"
                    + " reads it, the alerts celebrate the milestones it publishes");

    /**
     * The view, the alerts, the outputs, the history and the fleet keep their own read models from
     * the hub's events, and the fleet hands its copies to the store's endpoint; the store's cache is
     * the store's, and the refresh's, which writes it.
     */
    @ArchTest
    static final ArchRule onlyTheStoreAndTheRefreshUseTheSnapshotStore = noClasses()
            .that()
            .resideOutsideOfPackages(ROOT + ".store..", ROOT + ".refresh..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(SnapshotStore.class)
            .because("what a subscriber knows of a source comes from the events it received (docs/how-it-works.md,"
                    + " \"The hub\")");

    /**
     * What a count shows of its history (growth, the next milestone, the recent days) reaches the
     * view and the outputs as {@code HistoryFacts} on the hub; a request for a range of history or a
     * backfill asks the history's own {@code HistoryArchive}.
     */
    @ArchTest
    static final ArchRule onlyTheHistoryUsesTheHistoryBook = noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + ".history..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(HistoryBook.class)
            .because("what a reader shows of a history comes from the events it received (docs/how-it-works.md,"
                    + " \"The hub\")");

    /**
     * What is known of a token reaches the other features as {@code TokenChanged} on the hub; only a
     * provider's request asks the token feature, for the token it sends.
     */
    @ArchTest
    static final ArchRule theTokenStatusIsTheTokenFeaturesAndTheRequestsOnly = noClasses()
            .that()
            .resideOutsideOfPackages(ROOT + ".token..", ROOT + ".provider.http..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(TokenStatus.class)
            .because("the alerts judge token expiry from the events they received");

    /**
     * The state repository knows keys and places, not the features whose documents it keeps: where a
     * provider's token file is, the token feature tells it ({@code state.TokenFileLocations}).
     */
    @ArchTest
    static final ArchRule theStateRepositoryKnowsKeysNotProviders = noClasses()
            .that()
            .resideInAPackage(ROOT + ".state..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    ROOT + ".provider..",
                    ROOT + ".token..",
                    ROOT + ".store..",
                    ROOT + ".history..",
                    ROOT + ".alert..",
                    ROOT + ".output..",
                    ROOT + ".fleet..",
                    ROOT + ".refresh..",
                    ROOT + ".api..")
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(SourceCatalog.class)
            .because("each feature owns its documents' content; the state package only keeps them");

    /**
     * Every Redis command of the shared mode goes through its state repository ({@code fleet.RedisState}):
     * documents, many at a time, with an expiry, leases and the fleet's messages; the health check is
     * the only other user of Redis's commands (the subscription to the messages is a listener).
     */
    @ArchTest
    static final ArchRule redisIsReachedOnlyThroughTheStateRepository = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(ROOT + ".fleet.RedisState")
            .and()
            .doNotHaveFullyQualifiedName(ROOT + ".fleet.RedisHealthIndicator")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.data.redis.core..", "io.lettuce.core.api..")
            .because("one storage interface: a raw key written beside it is state kept a second way");

    /** One bus: Spring's application events carry only the framework's own (the stop, in WhenTheServiceStops). */
    @ArchTest
    static final ArchRule theHubIsTheOnlyBus = noClasses()
            .that()
            .resideInAPackage(ROOT + "..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(ApplicationEventPublisher.class)
            .because("a feature tells the others on the hub (event.TickerEvents), never on a second bus");

    @ArchTest
    static final ArchRule providersKnowNothingOfWhatRefreshesOrServesThem = noClasses()
            .that()
            .resideInAPackage(ROOT + ".provider..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    ROOT + ".refresh..", ROOT + ".store..", ROOT + ".fleet..", ROOT + ".alert..", ROOT + ".api..");

    @ArchTest
    static final ArchRule theFormatsArePureFunctionsOfTheDomainsValues = classes()
            .that()
            .resideInAPackage(ROOT + ".format..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    ROOT + ".format..",
                    ROOT + ".domain..",
                    "java..",
                    "com.fasterxml.jackson.annotation..",
                    "io.swagger.v3.oas.annotations..")
            .because("the API renders them ahead of reads and the push outputs render what they send with them:"
                    + " the same bytes from the same state and facts, with no Spring, Camel or I/O in between");

    /**
     * The API's documents, the outputs' and the alert channels' are written (and the outputs' read) by the service's JSON
     * data format ({@code json}), configured once; a mapper of their own would be a second way with
     * settings of its own. The problem body keeps its own writer while the transport's filters and
     * error pages, which answer outside any route, share it (docs/how-it-works.md, "JSON and the cache").
     */
    @ArchTest
    static final ArchRule theApiTheOutputsAndTheChannelsWriteJsonThroughTheDataFormat = noClasses()
            .that()
            .resideInAnyPackage(ROOT + ".api..", ROOT + ".output..", ROOT + ".alert.channel..")
            .and()
            .doNotHaveFullyQualifiedName(ROOT + ".api.ProblemDocument")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(ObjectMapper.class, ObjectWriter.class, ObjectReader.class)
            .because("their JSON goes through the json data format, so its bytes are the configured ones");

    /**
     * Package by package (a provider's sub-packages are packages of their own: the token feature
     * reads the providers' settings in provider.contract, while provider.http asks it for a
     * rotated token).
     */
    @ArchTest
    static final ArchRule packagesFormNoCycle =
            slices().matching(ROOT + ".(**)").should().beFreeOfCycles();

    /** An endpoint URI of the service's own components: {@code "direct:…"}, {@code "seda:…"}, … */
    static final Pattern ENDPOINT_LITERAL =
            Pattern.compile("\"(direct|seda|timer|caffeine-cache|vm|disruptor|scheduler):[^\"]*\"");

    /**
     * Each endpoint is named once, by the package whose route it is, in its {@code *Endpoints}
     * class. Read from the sources: javac inlines string constants, so no class file (and no
     * ArchUnit rule) can tell a constant's use from a literal.
     */
    @Test
    void endpointUrisAreWrittenOnlyInTheirOwnersEndpointsClass() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                if (source.getFileName().toString().endsWith("Endpoints.java")) {
                    continue;
                }
                String text = Files.readString(source);
                Matcher literal = ENDPOINT_LITERAL.matcher(text);
                while (literal.find()) {
                    found.add(source + ": " + literal.group());
                }
            }
        }
        assertThat(found).as("endpoint URIs outside an *Endpoints class").isEmpty();
    }

    /**
     * The main code names the hub only to read it ({@code from(EventEndpoints.HUB)}): events go on it
     * through {@code event.TickerEvents}, which counts and logs what the hub could not take. Read
     * from the sources, as the endpoint rule is.
     */
    @Test
    void theHubIsWrittenOnlyThroughItsPublisher() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                if (source.getParent().endsWith("event")) {
                    continue;
                }
                Matcher use = Pattern.compile("(\\S*)\\(?EventEndpoints\\.HUB").matcher(Files.readString(source));
                while (use.find()) {
                    if (!use.group().equals("from(EventEndpoints.HUB")) {
                        found.add(source + ": " + use.group());
                    }
                }
            }
        }
        assertThat(found).as("the hub named other than to read it").isEmpty();
    }

    @Test
    void theEndpointRuleFindsALiteral() {
        assertThat(ENDPOINT_LITERAL.matcher("from(\"direct:render-view\")").find())
                .isTrue();
        assertThat(ENDPOINT_LITERAL.matcher("to(\"seda:x?size=1\")").find()).isTrue();
        assertThat(ENDPOINT_LITERAL.matcher("\"https://graph.instagram.com\"").find())
                .isFalse();
    }
}
