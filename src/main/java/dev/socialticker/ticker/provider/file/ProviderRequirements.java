package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.TickerConfigurationException;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.logging.SecretMasking;
import dev.socialticker.ticker.provider.http.JsonOverHttpSpec;
import dev.socialticker.ticker.provider.http.ProviderSettings;
import dev.socialticker.ticker.provider.http.RequestHeaders;
import java.util.ArrayList;
import java.util.List;
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
     * @throws TickerConfigurationException naming the property the first source it would break needs
     */
    public void check(ProviderCatalog.Loaded provider) {
        List<String> breaches = breaches(provider);
        if (!breaches.isEmpty()) {
            throw new TickerConfigurationException(breaches.get(0));
        }
    }

    /** Every source this provider would break, each naming the property it needs; empty when none. */
    public List<String> breaches(ProviderCatalog.Loaded provider) {
        JsonOverHttpSpec spec = provider.spec();
        List<String> breaches = new ArrayList<>();
        if (spec == null) {
            return breaches;
        }
        List<TickerSource> all = sources.all();
        for (int i = 0; i < all.size(); i++) {
            TickerSource source = all.get(i);
            if (source.provider().equals(provider.name())) {
                breaches(i, source, spec, provider.location(), breaches);
            }
        }
        return breaches;
    }

    private void breaches(
            int index, TickerSource source, JsonOverHttpSpec spec, String location, List<String> breaches) {
        String credential = spec.hasCredential() ? settings.setting(source.provider(), spec.credential()) : null;
        // Masked in every log line from the first one on, before any request could carry it.
        SecretMasking.register(credential);
        for (RequestHeaders.Setting setting : spec.headers().settings()) {
            String value = settings.setting(source.provider(), setting.name());
            SecretMasking.register(value);
            if (value == null && !setting.optional()) {
                breaches.add("ticker.providers." + source.provider() + "." + setting.name()
                        + " is required by source '" + source.id() + "' (header " + setting.header() + " of "
                        + location + "; see routes/README.md for where to get it)");
            }
        }
        if (spec.token().obtained()) {
            for (String name : List.of(spec.token().clientId(), spec.token().clientSecret())) {
                String value = settings.setting(source.provider(), name);
                SecretMasking.register(value);
                if (value == null) {
                    breaches.add("ticker.providers." + source.provider() + "." + name + " is required by source '"
                            + source.id() + "' (the token is obtained with it, as " + location
                            + " declares; see routes/README.md for where to get it)");
                }
            }
        }
        if (spec.hasCredential() && spec.credentialRequired() && credential == null) {
            breaches.add("ticker.providers." + source.provider() + "." + spec.credential() + " is required by source '"
                    + source.id() + "' (see routes/README.md for where to get it)");
        }
        if (!spec.accepts(source.account())) {
            breaches.add("ticker.sources[" + index + "].account: '" + source.account()
                    + "' is not an account of provider '" + source.provider() + "'"
                    + (spec.accountHint().isEmpty()
                            ? " (expected " + spec.accountPattern().pattern() + ")"
                            : "; expected " + spec.accountHint()));
        }
    }
}
