package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.config.ClosestName;
import dev.socialticker.ticker.config.ConfigurationProblem;
import dev.socialticker.ticker.config.ConfiguredProperty;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.RoutesProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.stereotype.Component;

/**
 * Refuses a setting under {@code ticker.providers.<name>} that nothing reads: one under a name that
 * is no provider ({@code ticker.providers.instagarm.access-token}), or one its provider does not
 * know ({@code ticker.providers.github.base-uri}, which would leave the source calling the public
 * API). A provider knows its typed settings ({@link ProviderProperties#TYPED_SETTINGS}: base-url,
 * timeouts, token …) and those its file names ({@link ProviderCatalog.Loaded#settings()}); the
 * "did you mean" is the nearest of those. Judged whether or not a source uses the provider: a typo
 * is one either way. Not judged: the settings of a provider whose file was refused (what it would
 * name is unknown; the refusal itself is reported), and, with {@code ticker.routes.reload=true}, the
 * settings of a provider whose file is not there yet (a warning: they apply once it is).
 */
@Component
public class ProviderSettingsCheck {
    private static final Logger log = LoggerFactory.getLogger(ProviderSettingsCheck.class);
    private static final ConfigurationPropertyName PROVIDERS = ConfigurationPropertyName.of("ticker.providers");

    private final Environment environment;
    private final ProviderCatalog catalog;
    private final ProviderRouteFiles files;
    private final boolean reload;

    ProviderSettingsCheck(
            Environment environment, ProviderCatalog catalog, ProviderRouteFiles files, RoutesProperties routes) {
        this.environment = environment;
        this.catalog = catalog;
        this.files = files;
        this.reload = routes.reload();
    }

    /** One setting as configured: the provider and setting names as read, and the name the operator wrote. */
    record Setting(String provider, String name, String written) {}

    /**
     * @param context where the provider routes are defined (the built-in Java ones, such as demo, and
     *                every file loaded), before Camel starts them
     * @param judged  the providers whose settings are judged against what they know (every one at
     *                start-up; the tried one alone for the try command, which loads no other file)
     */
    public List<ConfigurationProblem> problems(CamelContext context, Predicate<String> judged) {
        return problems(ProviderCheck.defined(context), judged);
    }

    /** @param defined the providers whose routes are defined */
    List<ConfigurationProblem> problems(Set<String> defined, Predicate<String> judged) {
        Set<String> providers = new TreeSet<>(defined);
        files.all().forEach(file -> providers.add(file.name()));
        catalog.broken().keySet().stream()
                .filter(key -> RouteFile.nameOf(key + RouteFile.SUFFIX) != null)
                .forEach(providers::add);
        List<ConfigurationProblem> problems = new ArrayList<>();
        settingsByProvider(providers).forEach((provider, settings) -> {
            if (!providers.contains(provider)) {
                noSuchProvider(provider, settings, providers).ifPresent(problems::add);
            } else if (judged.test(provider) && catalog.findBroken(provider).isEmpty()) {
                Set<String> known = new TreeSet<>(ProviderProperties.TYPED_SETTINGS);
                catalog.find(provider).ifPresent(file -> known.addAll(file.settings()));
                for (Setting setting : settings) {
                    if (known.stream().noneMatch(name -> ClosestName.same(name, setting.name()))) {
                        problems.add(unknownSetting(setting, known));
                    }
                }
            }
        });
        return problems;
    }

    private Optional<ConfigurationProblem> noSuchProvider(
            String provider, List<Setting> settings, Set<String> providers) {
        String suggestion = ClosestName.near(provider, providers)
                .map(name -> "; did you mean " + name + "?")
                .orElse(".");
        String names = String.join(", ", settings.stream().map(Setting::name).toList());
        if (reload) {
            log.warn(
                    "ticker.providers.{} ({}): no provider file of that name yet; with ticker.routes.reload on they"
                            + " apply once {}{} appears{}",
                    provider,
                    names,
                    provider,
                    RouteFile.SUFFIX,
                    suggestion);
            return Optional.empty();
        }
        return Optional.of(new ConfigurationProblem(
                settings.get(0).written() + (settings.size() > 1 ? " (and " + (settings.size() - 1) + " more)" : ""),
                "no provider is named '" + provider + "' (settings: " + names + ")" + suggestion + " Providers: "
                        + String.join(", ", providers)));
    }

    private static ConfigurationProblem unknownSetting(Setting setting, Set<String> known) {
        String suggestion = ClosestName.near(setting.name(), known)
                .map(name -> "; did you mean ticker.providers." + setting.provider() + "." + name + "?")
                .orElse(".");
        return new ConfigurationProblem(
                setting.written(),
                "not a setting of provider '" + setting.provider() + "'" + suggestion + " It knows: "
                        + String.join(", ", known));
    }

    /**
     * Every setting under {@code ticker.providers}, by provider, once each (the source that wins in
     * binding names it). An environment variable's underscores stand for dots and dashes alike
     * ({@code TICKER_PROVIDERS_MY_FEED_API_KEY}): its provider is the longest known name it starts with.
     */
    private Map<String, List<Setting>> settingsByProvider(Set<String> providers) {
        Map<String, Map<String, Setting>> found = new LinkedHashMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            boolean variables = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
            iterable.stream()
                    .filter(PROVIDERS::isAncestorOf)
                    .filter(name -> name.getNumberOfElements() > 3)
                    .sorted()
                    .forEach(name -> {
                        Setting setting = setting(source, name, variables, providers);
                        found.computeIfAbsent(setting.provider(), key -> new LinkedHashMap<>())
                                .putIfAbsent(
                                        setting.name().toLowerCase(Locale.ROOT).replaceAll("[-_.]", ""), setting);
                    });
        }
        Map<String, List<Setting>> byProvider = new LinkedHashMap<>();
        found.forEach((provider, settings) -> byProvider.put(provider, List.copyOf(settings.values())));
        return byProvider;
    }

    private static Setting setting(
            ConfigurationPropertySource source,
            ConfigurationPropertyName name,
            boolean variable,
            Set<String> providers) {
        ConfigurationProperty property = source.getConfigurationProperty(name);
        String written =
                property == null ? ConfiguredProperty.written(name) : new ConfiguredProperty(name, property).written();
        List<String> elements = new ArrayList<>();
        for (int i = 2; i < name.getNumberOfElements(); i++) {
            elements.add(name.getElement(i, ConfigurationPropertyName.Form.ORIGINAL));
        }
        int providerElements = 1;
        if (variable) {
            for (String provider : providers) {
                for (int n = providerElements; n < elements.size(); n++) {
                    if (ClosestName.same(provider, String.join("", elements.subList(0, n)))) {
                        providerElements = Math.max(providerElements, n);
                    }
                }
            }
        }
        String provider = String.join("-", elements.subList(0, providerElements));
        if (variable) {
            String matching = provider;
            provider = providers.stream()
                    .filter(known -> ClosestName.same(known, matching))
                    .findFirst()
                    .orElse(matching.toLowerCase(Locale.ROOT));
        }
        String setting = String.join(variable ? "-" : ".", elements.subList(providerElements, elements.size()));
        return new Setting(provider, setting, written);
    }
}
