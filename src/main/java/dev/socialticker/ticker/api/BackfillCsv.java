package dev.socialticker.ticker.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a backfill upload: lines {@code date,count} ({@code 2026-01-31,12000}), an optional header
 * line {@code date,count}, blank lines ignored, LF or CRLF. All or nothing: every line is checked
 * and any bad one refuses the whole upload, naming the first {@value #NAMED_LINES} bad lines and
 * why, so nothing is half-imported and the file can be fixed and sent again.
 */
final class BackfillCsv {
    /** The most bytes an upload may hold: 100,000 lines of {@code 2026-01-31,123456789012} and more. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    /** The most days one upload may hold: 270 years. */
    static final int MAX_LINES = 100_000;

    static final int NAMED_LINES = 10;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A whole non-negative number that fits a long: no sign, no point, no exponent, no separator. */
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");

    private BackfillCsv() {}

    /** The body, read up to the size bound: 413 past it, 400 when it is not UTF-8. */
    static String read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // A spreadsheet's UTF-8 export may begin with a byte order mark.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            throw new ApiRejection(400, "INVALID_BACKFILL", "The body is not UTF-8 text");
        }
    }

    static ApiRejection tooLarge() {
        return new ApiRejection(
                413, "REQUEST_TOO_LARGE", "A backfill holds at most " + MAX_BYTES + " bytes: split the file");
    }

    /**
     * The days of an upload, oldest first; none may be after {@code today} (UTC).
     *
     * @throws ApiRejection 400 naming the bad lines, when any line is bad
     */
    static Map<LocalDate, Long> parse(String text, LocalDate today) {
        String[] lines = text.split("\n", -1);
        Map<LocalDate, Long> days = new TreeMap<>();
        Map<LocalDate, Integer> lineOf = new HashMap<>();
        List<String> bad = new ArrayList<>();
        int badLines = 0;
        boolean first = true;
        int dataLines = 0;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (first && line.replace(" ", "").equalsIgnoreCase("date,count")) {
                first = false;
                continue;
            }
            first = false;
            if (++dataLines > MAX_LINES) {
                throw new ApiRejection(
                        400,
                        "INVALID_BACKFILL",
                        "A backfill holds at most " + MAX_LINES + " lines; nothing was stored: split the file");
            }
            String why = problem(line, today, days, lineOf, number);
            if (why != null) {
                if (badLines++ < NAMED_LINES) {
                    bad.add("line " + number + ": " + why);
                }
            }
        }
        if (badLines > 0) {
            throw new ApiRejection(
                    400,
                    "INVALID_BACKFILL",
                    badLines + (badLines == 1 ? " bad line" : " bad lines") + ", nothing was stored"
                            + (badLines > NAMED_LINES ? " (the first " + NAMED_LINES + " named)" : "") + ": "
                            + String.join("; ", bad));
        }
        if (days.isEmpty()) {
            throw new ApiRejection(400, "INVALID_BACKFILL", "The body holds no line date,count (2026-01-31,12000)");
        }
        return days;
    }

    /** What is wrong with a line (and the day is taken when nothing is), or null. */
    private static String problem(
            String line, LocalDate today, Map<LocalDate, Long> days, Map<LocalDate, Integer> lineOf, int number) {
        String[] fields = line.split(",", -1);
        if (fields.length != 2) {
            return "expected date,count (2026-01-31,12000), found " + fields.length + " fields";
        }
        String dateText = fields[0].strip();
        String countText = fields[1].strip();
        LocalDate date;
        try {
            if (!DATE.matcher(dateText).matches()) {
                throw new DateTimeException("not YYYY-MM-DD");
            }
            date = LocalDate.parse(dateText);
        } catch (DateTimeException malformed) {
            return "'" + ApiProblems.shown(dateText) + "' is not a date YYYY-MM-DD";
        }
        if (date.isAfter(today)) {
            return date + " is in the future";
        }
        if (!COUNT.matcher(countText).matches()) {
            return "'" + ApiProblems.shown(countText) + "' is not a whole non-negative number";
        }
        Integer earlier = lineOf.putIfAbsent(date, number);
        if (earlier != null) {
            return date + " repeats line " + earlier;
        }
        days.put(date, Long.parseLong(countText));
        return null;
    }
}
