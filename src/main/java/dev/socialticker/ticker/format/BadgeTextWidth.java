package dev.socialticker.ticker.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How wide a badge's text is, measured as shields' badge-maker measures it: the advance widths of
 * Verdana at 11 px from the table badge-maker's own measuring library (anafanafo) carries, kept beside
 * this class in {@code verdana-11px-widths.txt} (frontend/test/unit/badge-maker.test.js checks it
 * against the npm package). A code point the table lacks is as wide as {@code m}, a control
 * character 0 wide, the widths added up in the text's order (the same sum, to the last bit).
 */
final class BadgeTextWidth {
    private static final String TABLE = "verdana-11px-widths.txt";

    private static final int[] FIRST;
    private static final int[] LAST;
    private static final double[] WIDTH;
    private static final double EM;

    static {
        List<String> ranges = read();
        FIRST = new int[ranges.size()];
        LAST = new int[ranges.size()];
        WIDTH = new double[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            // "first[-last] width", code points in hex
            String[] fields = ranges.get(i).split(" ");
            String[] span = fields[0].split("-");
            FIRST[i] = Integer.parseInt(span[0], 16);
            LAST[i] = Integer.parseInt(span[span.length - 1], 16);
            WIDTH[i] = Double.parseDouble(fields[1]);
        }
        EM = listed('m');
        if (Double.isNaN(EM)) {
            throw new IllegalStateException(TABLE + " has no width for m");
        }
    }

    private BadgeTextWidth() {}

    /** The width of {@code text} in px, unrounded. */
    static double of(String text) {
        double width = 0.0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            width += advance(c);
            i += Character.charCount(c);
        }
        return width;
    }

    /**
     * The width a badge gives {@code text}: its width cut to whole pixels, then made odd (one more when
     * even), which badge-maker does so that the text's centre falls on a half pixel, where its
     * glyphs line up with the pixel grid; 0 for no text.
     */
    static int preferred(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int whole = (int) of(text);
        return whole % 2 == 0 ? whole + 1 : whole;
    }

    private static double advance(int c) {
        if (c <= 31 || c == 127) {
            return 0;
        }
        double listed = listed(c);
        return Double.isNaN(listed) ? EM : listed;
    }

    /** The table's width for {@code c}; NaN when no range holds it. */
    private static double listed(int c) {
        int at = Arrays.binarySearch(FIRST, c);
        int range = at >= 0 ? at : -at - 2;
        return range >= 0 && c <= LAST[range] ? WIDTH[range] : Double.NaN;
    }

    /** The table's ranges, in order of their first code point (comments left out). */
    private static List<String> read() {
        try (InputStream in = BadgeTextWidth.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing beside " + BadgeTextWidth.class.getName());
            }
            List<String> ranges = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    ranges.add(line);
                }
            }
            return ranges;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + TABLE, e);
        }
    }
}
