package dev.socialticker.ticker.domain;

import java.util.Map;

/** Providers' names for people (messages, Home Assistant's sensors): as their owners write them. */
public final class ProviderNames {
    /** The built-in providers; a provider a YAML file adds keeps the name its file gives it. */
    private static final Map<String, String> NAMES = Map.of(
            "instagram", "Instagram",
            "github", "GitHub",
            "mastodon", "Mastodon",
            "bluesky", "Bluesky",
            "youtube", "YouTube",
            "threads", "Threads",
            "twitch", "Twitch",
            "tiktok", "TikTok",
            "linkedin", "LinkedIn",
            "demo", "Demo");

    private ProviderNames() {}

    /** "GitHub" for {@code github}; any other provider as it is named. */
    public static String of(String provider) {
        return NAMES.getOrDefault(provider, provider);
    }
}
