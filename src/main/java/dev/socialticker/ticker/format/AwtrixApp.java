package dev.socialticker.ticker.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An AWTRIX 3 custom app (Ulanzi TC001 and other AWTRIX clocks): the body of
 * {@code POST http://<clock>/api/custom?name=<app>} or of an MQTT message to
 * {@code <prefix>/custom/<app>}. The service cannot be polled by the clock: whoever sends it (a push
 * output, Home Assistant, Node-RED) sends this body as it is.
 *
 * <p>Checked against AWTRIX 3's API documentation (Blueforcer/awtrix3, docs/api.md, "Custom Apps
 * and Notifications", "JSON Properties"; every key optional): {@code text} (string), {@code icon}
 * (an icon id or file name on the clock, without extension), {@code color} (hex string or RGB
 * array: the text, bar or line colour), {@code line} (array of integers: a line chart, at most 16
 * values, 11 with an icon), {@code autoscale} (boolean, default true), {@code progress} (integer
 * 0–100: a progress bar), {@code progressC} (its colour), {@code lifetime} (integer seconds: the app
 * is removed, or marked, when no update comes within it), {@code lifetimeMode} (0 deletes the app,
 * 1 marks it stale with a red rectangle).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AwtrixApp(
        String text,
        String icon,
        String color,
        Integer progress,
        String progressC,
        List<Long> line,
        Integer lifetime,
        Integer lifetimeMode) {

    /** A line chart's most values beside an icon, and without one. */
    public static final int LINE_WITH_ICON = 11;

    public static final int LINE_WITHOUT_ICON = 16;

    /** {@code lifetimeMode}: keep the app on the clock, framed in red, when no update came in time. */
    public static final int MARK_STALE = 1;

    /**
     * The app of {@code reading}: its compact count ({@code 12.3k}; {@code no data} without one) in
     * white when fresh, yellow when stale, orange when failing, red without a count; the progress
     * toward the next milestone; a line of the last days' counts; and a lifetime after which the
     * clock frames the app in red, so a service that stops answering (or a pusher that stops) shows.
     *
     * @param icon            an icon on the clock (its id or file name); null or blank for none
     * @param lifetimeSeconds how long the clock trusts this body without a new one; 0 or less: for ever
     */
    public static AwtrixApp of(Reading reading, String icon, int lifetimeSeconds) {
        String shownIcon = icon == null || icon.isBlank() ? null : icon;
        boolean none = reading.count() == null;
        List<Long> days = reading.lastDays(shownIcon == null ? LINE_WITHOUT_ICON : LINE_WITH_ICON);
        Integer progress = reading.progressPercent();
        return new AwtrixApp(
                none ? "no data" : CompactNumber.compact(reading.count()),
                shownIcon,
                colour(reading.state()),
                progress,
                progress == null ? null : "#2E7D32",
                none || days.size() < 2 ? null : days,
                lifetimeSeconds > 0 ? lifetimeSeconds : null,
                lifetimeSeconds > 0 ? MARK_STALE : null);
    }

    /** The text's colour on the clock's black screen for a state. */
    public static String colour(CountState state) {
        return switch (state) {
            case FRESH -> "#FFFFFF";
            case STALE -> "#FFD600";
            case FAILING -> "#FF8F00";
            case NO_COUNT -> "#FF1744";
        };
    }
}
