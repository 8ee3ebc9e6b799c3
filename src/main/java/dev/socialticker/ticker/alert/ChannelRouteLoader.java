package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.config.ConfigurationProblem;
import dev.socialticker.ticker.config.ConfigurationProblems;
import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.RouteFiles;
import dev.socialticker.ticker.routefile.RouteFolder;
import dev.socialticker.ticker.routefile.RouteFolderWatcher;
import dev.socialticker.ticker.routefile.RoutesProperties;
import dev.socialticker.ticker.routefile.problem.InvalidParametersException;
import dev.socialticker.ticker.routefile.problem.RouteFileException;
import dev.socialticker.ticker.routefile.problem.RouteFileProblem;
import dev.socialticker.ticker.routefile.problem.RouteFileText;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts the alert channels before Camel starts its routes: the built-in ones the properties configure
 * ({@code ticker.alerts.slack.*}, {@code ticker.alerts.email.*}: the templates {@code slack} and
 * {@code email}, with the settings where they always were), then the files of
 * {@code <ticker.routes.dir>/channels/}, one at a time. A file that does not parse or breaks the
 * {@link ChannelContract} is refused alone, logged with the reason and shown by {@code /actuator/health}
 * (component {@code alertChannels}); every other channel keeps working. With
 * {@code ticker.routes.reload=true} the folder is watched like the providers' one. A rule naming a
 * channel that does not run refuses the start, with every other configuration problem.
 */
// Before the provider check, which refuses the start with every problem reported before it.
@Order(Ordered.HIGHEST_PRECEDENCE)
@Component
class ChannelRouteLoader implements RouteFolderWatcher.Loader, CamelContextConfiguration {
    static final String FOLDER = "channels";
    /** The channels the properties may configure, each of the template of its name. */
    static final List<String> BUILT_IN = List.of("slack", "email");

    private static final Logger log = LoggerFactory.getLogger(ChannelRouteLoader.class);

    private final RouteFolder folder;
    private final boolean reload;
    private final ChannelCatalog catalog;
    private final Channels channels;
    private final Map<String, ChannelTemplate> templates = new TreeMap<>();
    private final AlertProperties alerts;
    private final ConfigurationProblems problems;
    private final Map<String, ChannelSpec> builtIn;

    ChannelRouteLoader(
            RoutesProperties routes,
            ChannelCatalog catalog,
            Channels channels,
            List<ChannelTemplate> templates,
            AlertProperties alerts,
            ConfigurationProblems problems) {
        this.folder = new RouteFolder(Path.of(routes.dir()).resolve(FOLDER));
        this.reload = routes.reload();
        this.catalog = catalog;
        this.channels = channels;
        templates.forEach(template -> this.templates.put(template.id(), template));
        this.alerts = alerts;
        this.problems = problems;
        this.builtIn = builtIn(alerts, this.templates, problems);
    }

    /**
     * The channels the properties configure, as the templates {@code slack} and {@code email} read them:
     * their settings are {@code ticker.alerts.slack.*} and {@code ticker.alerts.email.*}, their timing too
     * (by default a channel file's: 10 s, 3 retries after 1 s, 2 s, 4 s).
     */
    static Map<String, ChannelSpec> builtIn(
            AlertProperties alerts, Map<String, ChannelTemplate> templates, ConfigurationProblems problems) {
        Map<String, ChannelSpec> specs = new LinkedHashMap<>();
        if (alerts.slack().enabled()) {
            Map<String, String> values = new LinkedHashMap<>(alerts.slack().parameters());
            values.put("name", "slack");
            values.put("webhookUrl", "webhook-url");
            builtIn(templates.get("slack"), values, problems).ifPresent(spec -> specs.put("slack", spec));
        }
        AlertProperties.Email email = alerts.email();
        if (email.enabled()) {
            Map<String, String> values = new LinkedHashMap<>(email.parameters());
            values.put("name", "email");
            values.put("host", email.host());
            values.put("port", Integer.toString(email.port()));
            values.put("from", email.from());
            values.put("to", String.join(",", email.to()));
            values.put("username", email.username() == null ? "" : email.username());
            values.put("password", email.password() == null ? "" : "password");
            values.put("starttls", Boolean.toString(email.starttls()));
            builtIn(templates.get("email"), values, problems).ifPresent(spec -> specs.put("email", spec));
        }
        return specs;
    }

    /**
     * A built-in channel read by its template; none when its properties do not fit the template's
     * declarations, each problem reported by its property (unless the properties' own check said it).
     */
    private static Optional<ChannelSpec> builtIn(
            ChannelTemplate template, Map<String, String> values, ConfigurationProblems problems) {
        ChannelSettings.Named named = ChannelSettings.Named.builtIn(values.get("name"));
        try {
            return Optional.of(ChannelSpec.from(template, values::get, name -> named));
        } catch (InvalidParametersException invalid) {
            Set<String> said =
                    problems.all().stream().map(ConfigurationProblem::subject).collect(Collectors.toSet());
            invalid.problems().stream()
                    .filter(problem -> !said.contains(named.parameter(problem.parameter())))
                    .forEach(problem -> problems.add(named.parameter(problem.parameter()), problem.message()));
            return Optional.empty();
        }
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        builtIn.forEach((name, spec) -> start(context, spec, "ticker.alerts." + name + ".*"));
        folder.files().stream().filter(path -> folder.file(path) == null).forEach(this::refuseMisnamed);
        folder.routeFiles().forEach(file -> load(context, file));
        checkRuleChannels();
        if (channels.any()) {
            log.info(
                    "Alerts go to {} ({}{})",
                    channels.running().keySet(),
                    folder.dir().toAbsolutePath(),
                    catalog.broken().isEmpty()
                            ? ""
                            : "; refused: " + catalog.broken().keySet());
        } else {
            log.info(
                    "Alerts are off: set ticker.alerts.slack.webhook-url or ticker.alerts.email.host, or add a"
                            + " channel file to {}, to receive them",
                    folder.dir().toAbsolutePath());
        }
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        watchIf(reload, context);
    }

    /** Every channel a rule names must run: a misspelt one would leave the rule silent there. */
    private void checkRuleChannels() {
        for (AlertRule rule : AlertRule.values()) {
            for (String channel : alerts.rules().of(rule).channels()) {
                if (!channels.running().containsKey(channel)) {
                    String file = folder.dir().resolve(channel + RouteFile.SUFFIX)
                            + catalog.findBroken(channel)
                                    .map(broken -> " (refused: " + broken.reason() + ")")
                                    .orElse("");
                    problems.add(
                            "ticker.alerts.rules." + rule.key() + ".channels",
                            "'" + channel + "' is no channel that runs (running: "
                                    + channels.running().keySet() + "): "
                                    + (BUILT_IN.contains(channel)
                                            ? "set ticker.alerts." + channel + ".* (the built-in channel), or add "
                                                    + file
                                            : "add " + file + " (the built-in channels are "
                                                    + String.join(" and ", BUILT_IN) + ")"));
                }
            }
        }
    }

    @Override
    public String noun() {
        return "channel";
    }

    @Override
    public RouteFolder folder() {
        return folder;
    }

    @Override
    public ChannelCatalog catalog() {
        return catalog;
    }

    /** Loads one file, replacing the running channel of that name; on any problem the running one stays. */
    @Override
    public synchronized boolean load(CamelContext context, RouteFile file) {
        ChannelSpec spec;
        try {
            if (builtIn.containsKey(file.name())) {
                throw new RouteFileException("the channel '" + file.name() + "' is the built-in one of ticker.alerts."
                        + file.name() + ".*: name the file otherwise, or unset those properties");
            }
            RouteFileText text = RouteFiles.read(context, file);
            spec = new ChannelContract(templates).check(file, text);
        } catch (RouteFileException refused) {
            refuse(file.name(), file.location(), refused.problems());
            return false;
        } catch (RuntimeException broken) {
            refuse(file.name(), file.location(), List.of(RouteFileProblem.of(RouteFiles.reason(broken))));
            return false;
        }
        return start(context, spec, file.location());
    }

    /** Runs the channel's worker and its route from its template; on failure the one it replaces stays. */
    private boolean start(CamelContext context, ChannelSpec spec, String location) {
        String routeId = ChannelEndpoints.routeId(spec.name());
        Optional<ChannelSpec> previous = channels.spec(spec.name());
        // The route template's step reads the channel's parameters from its worker: run first.
        channels.run(spec);
        try {
            RouteFiles.install(context, routeId, new RouteBuilder() {
                @Override
                public void configure() {
                    TemplatedRouteDefinition route = templatedRoute(ChannelEndpoints.templateId(spec.template()))
                            .routeId(routeId);
                    spec.values().forEach(route::parameter);
                }
            });
        } catch (RouteFileException failed) {
            previous.ifPresentOrElse(channels::run, () -> stop(spec.name()));
            refuse(spec.name(), location, failed.problems());
            return false;
        }
        catalog.loaded(spec.name(), new ChannelCatalog.Loaded(location, spec));
        log.info("Alert channel '{}' ({}) loaded from {}", spec.name(), spec.template(), location);
        return true;
    }

    @Override
    public synchronized void unload(CamelContext context, String name) throws Exception {
        RouteFiles.remove(context, ChannelEndpoints.routeId(name));
        stop(name);
        log.warn("Alert channel '{}' removed: its file is gone from {}", name, folder.dir());
        for (AlertRule rule : AlertRule.values()) {
            if (alerts.rules().of(rule).channels().contains(name)) {
                log.warn(
                        "The rule {} names the channel '{}', which no longer runs: its messages go to its other"
                                + " channels, if any (ticker.alerts.rules.{}.channels)",
                        rule.key(),
                        name,
                        rule.key());
            }
        }
    }

    private void stop(String name) {
        catalog.removed(name);
        channels.stop(name);
    }
}
