package dev.socialticker.ticker.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/**
 * An AWTRIX 3 custom app (Ulanzi TC001 and other AWTRIX clocks): the body of
 * {@code POST http://<clock>/api/custom?name=<app>} or of an MQTT message to
 * {@code <prefix>/custom/<app>}. The service cannot be polled by the clock: whoever sends it (a push
 * output, Home Assistant, Node-RED) sends this body as it is.
 *
 * <p>Laid out for what the firmware draws (Blueforcer/awtrix3, {@code src/Apps.cpp}
 * {@code ShowCustomApp}, {@code src/DisplayManager.cpp} {@code generateCustomPage},
 * {@code drawProgressBar}, {@code drawLineChart}) on its 32×8 panel: the text sits on rows 1 to 5
 * (printed at y 6 in its 3×5 font), right of the icon's 8 columns; the progress bar is row 7 alone,
 * from column 8 beside an icon. So the app is the icon, the compact count and the progress toward the
 * next milestone, each in its own rows. It carries no {@code line} (nor {@code bar}): the firmware
 * draws a chart over all 8 rows of the width the text has, after the text (unless {@code topText}),
 * so a chart beside the count always crosses it; and it scales a chart from 0 to the largest value
 * (in a 32-bit {@code map()}), so a count's days would draw flat, or off the panel above about 268
 * million. The days' chart stays where it draws well: LaMetric's chart frame, the pages.
 *
 * <p>Keys (docs/api.md, "Custom Apps and Notifications"; every key optional): {@code text},
 * {@code icon} (an icon id or file name on the clock), {@code color} (the text's colour),
 * {@code progress} (0–100), {@code progressC} and {@code progressBC} (the bar's colour and its
 * track's; the firmware's track is white unless told), {@code lifetime} (seconds without an update
 * after which the clock acts), {@code lifetimeMode} (1: frames the app in red instead of deleting it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AwtrixApp(
        String text,
        String icon,
        String color,
        Integer progress,
        String progressC,
        String progressBC,
        Integer lifetime,
        Integer lifetimeMode) {

    /** {@code lifetimeMode}: keep the app on the clock, framed in red, when no update came in time. */
    public static final int MARK_STALE = 1;

    /**
     * The progress bar's track: dark, so the bar in the state's colour shows on it (the firmware's own
     * track is white, on which a white bar would not).
     */
    static final String TRACK = "#303030";

    /**
     * The app of {@code reading}: its compact count ({@code 12.3k}; {@code no data} without one) in
     * white when fresh, yellow when stale, orange when failing, red without a count; the progress
     * toward the next milestone in the same colour; and a lifetime after which the clock frames the
     * app in red, so a service that stops answering (or a pusher that stops) shows.
     *
     * @param icon            an icon on the clock (its id or file name); null or blank for none
     * @param lifetimeSeconds how long the clock trusts this body without a new one; 0 or less: for ever
     */
    public static AwtrixApp of(Reading reading, String icon, int lifetimeSeconds) {
        String shownIcon = icon == null || icon.isBlank() ? null : icon;
        boolean none = reading.count() == null;
        Integer progress = reading.progressPercent();
        String colour = colour(reading.state());
        return new AwtrixApp(
                none ? "no data" : CompactNumber.compact(reading.count()),
                shownIcon,
                colour,
                progress,
                progress == null ? null : colour,
                progress == null ? null : TRACK,
                lifetimeSeconds > 0 ? lifetimeSeconds : null,
                lifetimeSeconds > 0 ? MARK_STALE : null);
    }

    /** The app for {@code reading}, living on the clock as long as data stays fresh ({@code staleAfter}). */
    public static AwtrixApp of(Reading reading, String icon, Duration staleAfter) {
        return of(reading, icon, (int) Math.min(Integer.MAX_VALUE, staleAfter.toSeconds()));
    }

    /** The text's (and the progress bar's) colour on the clock's black screen for a state. */
    public static String colour(CountState state) {
        return switch (state) {
            case FRESH -> "#FFFFFF";
            case STALE -> "#FFD600";
            case FAILING -> "#FF8F00";
            case NO_COUNT -> "#FF1744";
        };
    }
}
