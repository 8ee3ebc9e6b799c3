package dev.socialticker.ticker.alert.channel;

import dev.socialticker.ticker.alert.Alert;

/**
 * How each kind of message looks where a channel has colours or emoji: red for an alert, orange for a
 * reminder, green when it is over, gold for a milestone. Written once for every channel that shows them.
 *
 * @param emoji    the Unicode emoji before a headline
 * @param rgb      the colour, 0xRRGGBB (Discord's embed colour)
 * @param shortcode the emoji's short code (ntfy's tag)
 * @param emphasis Adaptive Cards' text colour
 */
record Look(String emoji, int rgb, String shortcode, String emphasis) {
    static Look of(Alert alert) {
        return switch (alert.kind()) {
            case ALERT -> new Look("🔴", 0xD93025, "rotating_light", "Attention");
            case REMINDER -> new Look("🟠", 0xF29900, "warning", "Warning");
            case RESOLVED -> new Look("🟢", 0x1E8E3E, "white_check_mark", "Good");
            case MILESTONE -> new Look("🎉", 0xF4B400, "tada", "Accent");
        };
    }

    /** At most {@code max} characters, ending with an ellipsis when cut: every service caps its fields. */
    static String capped(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
