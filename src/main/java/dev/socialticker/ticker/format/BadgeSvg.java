package dev.socialticker.ticker.format;

/**
 * A flat badge, {@code [followers | 12.3k]}, drawn by the service itself: no third party between a
 * README and the count. Laid out as shields' badge-maker (6.0) lays out its flat badges, to the
 * pixel: each text measured with badge-maker's own width table ({@link BadgeTextWidth}), cut to
 * whole pixels and made odd, with 5 px of padding either side; each text centred where badge-maker
 * centres it (the label one pixel right of its section's middle, the count one pixel left) and
 * drawn to exactly its measured width ({@code textLength}), so it fits its section whatever font
 * stands in for Verdana; drawn at ten times the size and scaled down, as badge-maker draws.
 * frontend/test/unit/badge-maker.test.js and BadgeSvgTest hold it to badge-maker's output. Unlike
 * badge-maker's: white text on colours dark enough for it (WCAG AA, 4.5:1 and more), the label in
 * dark grey, the count's colour by state, a plain shadow (no blur, no gradient), and a {@code <title>}
 * and an {@code aria-label} that say the whole count in words a screen reader reads.
 */
public final class BadgeSvg {
    /** The label's background. */
    public static final String LABEL_COLOUR = "#555555";

    static final int HEIGHT = 20;
    /** Between a text and its section's edges. */
    static final int PADDING = 5;
    /** badge-maker draws its texts at ten times the size, scaled down: finer positions for the glyphs. */
    private static final int SCALE = 10;

    private static final String FONT = "Verdana,Geneva,DejaVu Sans,sans-serif";

    private BadgeSvg() {}

    /**
     * The badge of {@code reading}: {@code label} on the left, its compact count ({@code no data}
     * without one) on the right in its state's colour.
     *
     * @param label the left text, e.g. {@code followers}
     * @param about who the count is of, for the title (a profile or a source id); null for none
     */
    public static String of(Reading reading, String label, String about) {
        String message = reading.count() == null ? "no data" : CompactNumber.compact(reading.count());
        String spoken = ": " + (reading.count() == null ? "no data" : CompactNumber.grouped(reading.count()))
                + (about == null || about.isBlank() ? "" : " (" + about + ")")
                + stateWords(reading.state());
        return draw(label, message, colour(reading.state()), spoken);
    }

    /**
     * The badge of a request that names no count: {@code label} and {@code message} ({@code not
     * found}) in the colour of no count, and {@code why} after them in the title, so an image in a
     * page shows what went wrong instead of a broken image.
     */
    public static String refused(String label, String message, String why) {
        return draw(label, message, colour(CountState.NO_COUNT), ": " + message + ". " + why);
    }

    /**
     * {@code label | message} on {@code colour}.
     *
     * @param spoken what the title says after the label
     */
    static String draw(String rawLabel, String rawMessage, String colour, String spoken) {
        // badge-maker trims both texts before it measures them.
        String label = trimmed(rawLabel);
        String message = trimmed(rawMessage);
        int labelText = BadgeTextWidth.preferred(label);
        int messageText = BadgeTextWidth.preferred(message);
        int labelWidth = labelText + 2 * PADDING;
        int messageWidth = messageText + 2 * PADDING;
        int width = labelWidth + messageWidth;
        // badge-maker's text margins: 1 px in from the left for the label, 1 px back for the count.
        int labelCentre = SCALE * (1 + PADDING) + SCALE * labelText / 2;
        int messageCentre = SCALE * (labelWidth - 1 + PADDING) + SCALE * messageText / 2;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + HEIGHT
                + "\" role=\"img\" aria-label=\"" + escape(label + ": " + message) + "\">"
                + "<title>" + escape(label + spoken) + "</title>"
                + "<clipPath id=\"r\"><rect width=\"" + width + "\" height=\"" + HEIGHT + "\" rx=\"3\" fill=\"#fff\"/>"
                + "</clipPath>"
                + "<g clip-path=\"url(#r)\">"
                + "<rect width=\"" + labelWidth + "\" height=\"" + HEIGHT + "\" fill=\"" + LABEL_COLOUR + "\"/>"
                + "<rect x=\"" + labelWidth + "\" width=\"" + messageWidth + "\" height=\"" + HEIGHT + "\" fill=\""
                + colour + "\"/></g>"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"" + FONT
                + "\" text-rendering=\"geometricPrecision\" font-size=\"" + 11 * SCALE + "\" transform=\"scale(.1)\">"
                + text(labelCentre, labelText, label)
                + text(messageCentre, messageText, message)
                + "</g></svg>";
    }

    /** The badge's background for a count in {@code state}: shades of shields' colours, dark enough for white text. */
    public static String colour(CountState state) {
        return switch (state) {
            case FRESH -> "#2E7D32";
            case STALE -> "#8A6D00";
            case FAILING -> "#B84A00";
            case NO_COUNT -> "#C62828";
        };
    }

    /**
     * A text centred at {@code centre} and drawn {@code length} wide (both at ten times the size), its
     * baseline 14 px down, with its shadow one pixel below, as flat badges draw it (the shadow hidden
     * from screen readers).
     */
    private static String text(int centre, int length, String text) {
        if (text.isEmpty()) {
            return "";
        }
        String placed = "x=\"" + centre + "\" textLength=\"" + SCALE * length + "\"";
        String shown = escape(text);
        return "<text " + placed + " y=\"" + 15 * SCALE
                + "\" fill=\"#010101\" fill-opacity=\".3\" aria-hidden=\"true\">"
                + shown + "</text>"
                + "<text " + placed + " y=\"" + 14 * SCALE + "\">" + shown + "</text>";
    }

    /**
     * {@code text} without the white space JavaScript's {@code String.prototype.trim} removes at either
     * end (spaces of every kind, tabs, line ends, the byte order mark), as badge-maker trims its texts.
     */
    static String trimmed(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isJsWhiteSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isJsWhiteSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isJsWhiteSpace(char c) {
        return c == '\t'
                || c == '\n'
                || c == 0x0B
                || c == '\f'
                || c == '\r'
                || c == '\uFEFF'
                || c == '\u2028'
                || c == '\u2029'
                || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    private static String stateWords(CountState state) {
        return switch (state) {
            case FRESH, NO_COUNT -> "";
            case STALE -> ", not updated recently";
            case FAILING -> ", its latest update failed";
        };
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // Control characters are not allowed in XML 1.0: dropped.
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
