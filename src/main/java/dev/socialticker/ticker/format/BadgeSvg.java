package dev.socialticker.ticker.format;

import java.util.Locale;
import java.util.Map;

/**
 * A flat badge, {@code [followers | 12.3k]}, drawn by the service itself: no third party between a
 * README and the count. Sized as shields' badge-maker sizes its badges: each text's width is
 * estimated from a table of per-character advance widths of Verdana (the badge's first font), with
 * 5 px of padding on either side. White text on colours dark enough for it (WCAG AA, 4.5:1 and more),
 * the label in dark grey, the count's colour by state; a {@code <title>} and an {@code aria-label}
 * say the whole count in words a screen reader reads.
 */
public final class BadgeSvg {
    /** The label's background. */
    public static final String LABEL_COLOUR = "#555555";

    static final int HEIGHT = 20;
    static final int PADDING = 5;
    static final double FONT_SIZE = 11;
    private static final String FONT = "Verdana,Geneva,DejaVu Sans,sans-serif";

    /**
     * Verdana's advance widths in font units (2048 to the em) for the characters badges show: digits,
     * letters, and the punctuation of counts and labels. Any other character counts as wide as
     * {@code m}, so an estimate errs on the wide side, as badge-maker's does.
     */
    private static final Map<Character, Integer> PUNCTUATION = Map.ofEntries(
            Map.entry(' ', 720),
            Map.entry('!', 817),
            Map.entry('"', 969),
            Map.entry('#', 1716),
            Map.entry('%', 2214),
            Map.entry('&', 1430),
            Map.entry('\'', 551),
            Map.entry('(', 927),
            Map.entry(')', 927),
            Map.entry('*', 1229),
            Map.entry('+', 1716),
            Map.entry(',', 727),
            Map.entry('-', 842),
            Map.entry('.', 727),
            Map.entry('/', 927),
            Map.entry(':', 927),
            Map.entry(';', 927),
            Map.entry('?', 1110),
            Map.entry('@', 2048),
            Map.entry('_', 1229));

    /** Verdana's digits are all one width (tabular), so a count's width follows its length. */
    private static final int DIGIT = 1302;

    private static final int[] LOWER = {
        1229, 1276, 1067, 1276, 1220, 720, 1276, 1296, 562, 674, 1208, 562, 1992, 1296, 1243, 1276, 1276, 874, 1067,
        807, 1296, 1208, 1669, 1208, 1208, 1075
    };
    private static final int[] UPPER = {
        1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 862, 929, 1425, 1140, 1738, 1532, 1612, 1237, 1612, 1423, 1401,
        1246, 1499, 1401, 2025, 1403, 1244, 1403
    };
    private static final int UNITS_PER_EM = 2048;
    private static final int WIDE = 1992;

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
        String spoken = label + ": "
                + (reading.count() == null ? "no data" : CompactNumber.grouped(reading.count()))
                + (about == null || about.isBlank() ? "" : " (" + about + ")")
                + stateWords(reading.state());
        int labelWidth = sectionWidth(label);
        int messageWidth = sectionWidth(message);
        int width = labelWidth + messageWidth;
        String colour = colour(reading.state());
        String shortLabel = escape(label + ": " + message);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + HEIGHT
                + "\" role=\"img\" aria-label=\"" + shortLabel + "\">"
                + "<title>" + escape(spoken) + "</title>"
                + "<clipPath id=\"r\"><rect width=\"" + width + "\" height=\"" + HEIGHT + "\" rx=\"3\" fill=\"#fff\"/>"
                + "</clipPath>"
                + "<g clip-path=\"url(#r)\">"
                + "<rect width=\"" + labelWidth + "\" height=\"" + HEIGHT + "\" fill=\"" + LABEL_COLOUR + "\"/>"
                + "<rect x=\"" + labelWidth + "\" width=\"" + messageWidth + "\" height=\"" + HEIGHT + "\" fill=\""
                + colour + "\"/></g>"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"" + FONT + "\" font-size=\""
                + (int) FONT_SIZE + "\">"
                + text(labelWidth / 2.0, label)
                + text(labelWidth + messageWidth / 2.0, message)
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

    /** The width of a section holding {@code text}: its estimated width, rounded up, and the padding. */
    public static int sectionWidth(String text) {
        return (int) Math.ceil(textWidth(text)) + 2 * PADDING;
    }

    /** The estimated width of {@code text} in Verdana at 11 px. */
    public static double textWidth(String text) {
        double units = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            units += advance(c);
            i += Character.charCount(c);
        }
        return units * FONT_SIZE / UNITS_PER_EM;
    }

    private static int advance(int c) {
        if (c >= '0' && c <= '9') {
            return DIGIT;
        }
        if (c >= 'a' && c <= 'z') {
            return LOWER[c - 'a'];
        }
        if (c >= 'A' && c <= 'Z') {
            return UPPER[c - 'A'];
        }
        if (c < Character.MIN_SUPPLEMENTARY_CODE_POINT && PUNCTUATION.containsKey((char) c)) {
            return PUNCTUATION.get((char) c);
        }
        return WIDE;
    }

    /** A text with its shadow one pixel below, as flat badges draw it (the shadow hidden from screen readers). */
    private static String text(double x, String text) {
        String at = String.format(Locale.ROOT, "%.1f", x);
        return "<text x=\"" + at + "\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\" aria-hidden=\"true\">"
                + escape(text) + "</text>"
                + "<text x=\"" + at + "\" y=\"14\">" + escape(text) + "</text>";
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
