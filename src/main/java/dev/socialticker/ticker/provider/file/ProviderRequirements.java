package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.config.ConfigurationProblem;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.TickerConfigurationException;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.logging.SecretMasking;
import dev.socialticker.ticker.provider.http.JsonOverHttpSpec;
import dev.socialticker.ticker.provider.http.ProviderSettings;
import dev.socialticker.ticker.provider.http.RequestHeaders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a template-made provider asks of the sources that use it: a credential when it requires
 * one, accounts of the form it accepts. Checked at start-up and again before a reloaded file
 * replaces a running route.
 */
@Component
public class ProviderRequirements {
    private final SourceCatalog sources;
    private final ProviderSettings settings;

    ProviderRequirements(SourceCatalog sources, ProviderSettings settings) {
        this.sources = sources;
        this.settings = settings;
    }

    /**
     * @throws TickerConfigurationException naming every property a source would break
     */
    public void check(ProviderCatalog.Loaded provider) {
        List<ConfigurationProblem> problems = problems(provider);
        if (!problems.isEmpty()) {
            throw new TickerConfigurationException(problems);
        }
    }

    /** Every property a source of this provider would break, each naming the property; none for a plain route. */
    public List<ConfigurationProblem> problems(ProviderCatalog.Loaded provider) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        JsonOverHttpSpec spec = provider.spec();
        if (spec == null) {
            return problems;
        }
        for (TickerSource source : sources.all()) {
            if (source.provider().equals(provider.name())) {
                check(sources.property(source), source, spec, provider.location(), problems);
            }
        }
        return problems;
    }

    private void check(
            String property,
            TickerSource source,
            JsonOverHttpSpec spec,
            String location,
            List<ConfigurationProblem> problems) {
        String credential = spec.hasCredential() ? settings.setting(source.provider(), spec.credential()) : null;
        // Masked in every log line from the first one on, before any request could carry it.
        SecretMasking.register(credential);
        String prefix = "ticker.providers." + source.provider() + ".";
        // A setting both a header and the token read is missing once: one line for it.
        Set<String> missing = new HashSet<>();
        for (RequestHeaders.Setting setting : spec.headers().settings()) {
            String value = settings.setting(source.provider(), setting.name());
            SecretMasking.register(value);
            if (value == null && !setting.optional() && missing.add(setting.name())) {
                problems.add(new ConfigurationProblem(
                        prefix + setting.name(),
                        "required by source '" + source.id() + "' (header " + setting.header() + " of " + location
                                + "; see routes/README.md for where to get it)"));
            }
        }
        for (String name : spec.token().settings()) {
            SecretMasking.register(settings.setting(source.provider(), name));
        }
        if (spec.token().obtained()) {
            for (String name : spec.token().requiredSettings()) {
                String value = settings.setting(source.provider(), name);
                if (value == null && missing.add(name)) {
                    problems.add(new ConfigurationProblem(
                            prefix + name,
                            "required by source '" + source.id() + "' (the token is obtained with it, as " + location
                                    + " declares; see routes/README.md for where to get it)"));
                }
            }
        }
        if (spec.hasCredential() && spec.credentialRequired() && credential == null) {
            problems.add(new ConfigurationProblem(
                    prefix + spec.credential(),
                    "required by source '" + source.id() + "' (see routes/README.md for where to get it)"));
        }
        if (!spec.accepts(source.account())) {
            problems.add(new ConfigurationProblem(
                    property + ".account",
                    "'" + source.account() + "' is not an account of provider '" + source.provider() + "'"
                            + (spec.accountHint().isEmpty()
                                    ? " (expected " + spec.accountPattern().pattern() + ")"
                                    : "; expected " + spec.accountHint())));
        }
    }
}
