package dev.socialticker.ticker.routefile.problem;

import java.util.function.UnaryOperator;

/**
 * One mistake in a route file: where it is, what is wrong in plain words, and the usual fix.
 *
 * @param line    from 1; 0 when the mistake concerns the whole file
 * @param column  from 1; 0 with line 0
 * @param message what is wrong
 * @param hint    how to fix it, or null when there is no usual fix
 * @param text    the line as written, shown under the message; null with line 0
 */
public record RouteFileProblem(int line, int column, String message, String hint, String text) {

    /** A mistake of the whole file (no line to point at). */
    public static RouteFileProblem of(String message) {
        return of(message, null);
    }

    /** A mistake of the whole file, and its usual fix. */
    public static RouteFileProblem of(String message, String hint) {
        return new RouteFileProblem(0, 0, message, hint, null);
    }

    /** {@code routes/x.camel.yaml:8:1: message (hint)}, for a health description or one line of a report. */
    public String oneLine(String location) {
        return place(location) + ": " + message + (hint == null ? "" : " (" + hint + ")");
    }

    /**
     * The message, then the line as written with a caret under the column, then the hint: what a
     * compiler shows, for the log.
     */
    public String block(String location) {
        StringBuilder block = new StringBuilder(place(location)).append(": ").append(message);
        if (text != null) {
            String number = String.valueOf(line);
            String gutter = " ".repeat(number.length());
            // A tab shown as such would move the caret: shown as an arrow, one column wide, it is also seen.
            String shown = text.replace('\t', '→');
            block.append("\n  ").append(number).append(" | ").append(shown);
            block.append("\n  ")
                    .append(gutter)
                    .append(" | ")
                    .append(" ".repeat(Math.max(0, column - 1)))
                    .append('^');
        }
        if (hint != null) {
            block.append("\n  hint: ").append(hint);
        }
        return block.toString();
    }

    /** The same problem with its words passed through {@code mask} (a line may quote a secret). */
    public RouteFileProblem masked(UnaryOperator<String> mask) {
        return new RouteFileProblem(
                line,
                column,
                mask.apply(message),
                hint == null ? null : mask.apply(hint),
                text == null ? null : mask.apply(text));
    }

    private String place(String location) {
        return line == 0 ? location : location + ":" + line + ":" + column;
    }
}
