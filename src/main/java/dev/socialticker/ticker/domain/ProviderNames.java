package dev.socialticker.ticker.domain;

import java.util.Map;

/** Providers' names for people (messages, Home Assistant's sensors): as their owners write them. */
public final class ProviderNames {
    /** The built-in providers; a provider a YAML file adds keeps the name its file gives it. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("instagram", "Instagram"),
            Map.entry("github", "GitHub"),
            Map.entry("mastodon", "Mastodon"),
            Map.entry("bluesky", "Bluesky"),
            Map.entry("youtube", "YouTube"),
            Map.entry("threads", "Threads"),
            Map.entry("twitch", "Twitch"),
            Map.entry("tiktok", "TikTok"),
            Map.entry("linkedin", "LinkedIn"),
            Map.entry("facebook", "Facebook"),
            Map.entry("x", "X"),
            Map.entry("discord", "Discord"),
            Map.entry("peertube", "PeerTube"),
            Map.entry("peertube-channel", "PeerTube"),
            Map.entry("reddit", "Reddit"),
            Map.entry("spotify", "Spotify"),
            Map.entry("telegram", "Telegram"),
            Map.entry("demo", "Demo"));

    private ProviderNames() {}

    /** "GitHub" for {@code github}; any other provider as it is named. */
    public static String of(String provider) {
        return NAMES.getOrDefault(provider, provider);
    }
}
