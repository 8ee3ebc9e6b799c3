package dev.socialticker.ticker.format;

import java.util.Locale;

/**
 * Counts as badges and small screens show them. Compact forms keep three significant figures and
 * are rounded down, so a badge never shows a milestone that has not been reached (9,999 is
 * {@code 9.99k}, not {@code 10k}). The ticker page writes the same text in English
 * (frontend/src/format.js); both are tested against src/test/resources/format/compact-numbers.json.
 */
public final class CompactNumber {
    private static final String[] SUFFIXES = {"", "k", "M", "B", "T", "P", "E"};

    private CompactNumber() {}

    /** {@code 999}, {@code 1.23k}, {@code 12.3k}, {@code 123k}, {@code 1.23M}, … (negative: with a minus). */
    public static String compact(long count) {
        if (count < 0) {
            return "-" + compact(count == Long.MIN_VALUE ? Long.MAX_VALUE : -count);
        }
        if (count < 1000) {
            return Long.toString(count);
        }
        int group = 0;
        long scale = 1;
        while (count / scale >= 1000 && group < SUFFIXES.length - 1) {
            scale *= 1000;
            group++;
        }
        long whole = count / scale;
        // Decimals to keep three significant figures, cut (not rounded) from the remainder.
        int decimals = whole >= 100 ? 0 : whole >= 10 ? 1 : 2;
        long fraction = decimals == 0 ? 0 : (count % scale) / (scale / (decimals == 1 ? 10 : 100));
        String text = decimals == 0
                ? Long.toString(whole)
                : whole + "." + String.format(Locale.ROOT, "%0" + decimals + "d", fraction);
        // 1.20k reads as 1.2k, 1.00k as 1k.
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text + SUFFIXES[group];
    }

    /** The whole count with thousands separated by commas: {@code 12,345}. */
    public static String grouped(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
