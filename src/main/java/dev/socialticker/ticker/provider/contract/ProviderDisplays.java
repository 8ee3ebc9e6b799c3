package dev.socialticker.ticker.provider.contract;

/**
 * Each provider's display ({@link ProviderDisplay}) as its file declares it, for everything that names
 * a provider to people: log lines, alerts, milestones, badges, Home Assistant, the page.
 */
public interface ProviderDisplays {

    /** The provider's display; the defaults for one whose file says nothing, or that has no file (demo). */
    ProviderDisplay of(String provider);
}
