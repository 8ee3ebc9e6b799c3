package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.FormatProperties;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import java.util.Collection;

/**
 * The left text of a badge (the SVG badge and shields.io's endpoint badge): {@code ticker.formats.label}
 * when set, else what the sources' providers count ("subscribers" for YouTube), when they all count the
 * same, else "followers".
 */
final class BadgeLabel {
    private final String configured;
    private final ProviderDisplays displays;

    BadgeLabel(FormatProperties formats, ProviderDisplays displays) {
        this.configured = formats.label();
        this.displays = displays;
    }

    /** The label of a body showing these sources. */
    String of(Collection<TickerSource> sources) {
        if (configured != null) {
            return configured;
        }
        return sources.stream()
                .map(source -> displays.of(source.provider()).counts().other())
                .distinct()
                .reduce((one, another) -> ProviderDisplay.FOLLOWERS.other())
                .orElse(ProviderDisplay.FOLLOWERS.other());
    }

    /** The label of a badge that shows no source (it names none that exists). */
    String ofNone() {
        return configured != null ? configured : ProviderDisplay.FOLLOWERS.other();
    }
}
