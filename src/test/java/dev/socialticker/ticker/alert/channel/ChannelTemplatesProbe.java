package dev.socialticker.ticker.alert.channel;

import java.util.Map;

/** The templates' pure parts, for tests in other packages. */
public final class ChannelTemplatesProbe {
    private ChannelTemplatesProbe() {}

    public static String telegramHtml(String text) {
        return Telegram.html(text);
    }

    public static String fingerprint(Map<String, String> labels) {
        return AlertmanagerWebhook.fingerprint(labels);
    }
}
