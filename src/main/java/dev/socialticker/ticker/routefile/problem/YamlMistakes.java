package dev.socialticker.ticker.routefile.problem;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The YAML parser's complaints, and Camel's about a YAML DSL file, said in plain words at the place
 * the mistake is, with the usual fix: a tab, an indentation that matches no block, a {@code ': '}
 * inside a value that is not quoted, a quote or a brace left open. What is not recognised keeps the
 * parser's own words, at its place.
 */
final class YamlMistakes {
    private static final Pattern CANNOT_START = Pattern.compile("found character '(.)' that cannot start any token.*");
    private static final Pattern UNKNOWN_ESCAPE = Pattern.compile("found unknown escape character (.)\\(\\d+\\)");
    private static final Pattern UNSUPPORTED_FIELD = Pattern.compile("Unsupported field: (.+)");
    private static final Pattern UNKNOWN_NODE = Pattern.compile("Unknown node id: (.+)");
    private static final Pattern LAST_WORD = Pattern.compile("(\\w+)\\s*$");
    /** A key and a value run together: {@code key:value}, not a URL's {@code ://}. */
    private static final Pattern NO_SPACE_AFTER_COLON = Pattern.compile("^[\\s-]*[\\w.-]+:[^\\s/].*");

    private static final List<String> PARAMETER_KEYS = List.of("name", "value");

    private YamlMistakes() {}

    /** A syntax error of the parser. */
    static RouteFileProblem describe(MarkedYamlEngineException mistake, List<String> lines) {
        String problem = mistake.getProblem() == null ? "" : mistake.getProblem();
        String context = mistake.getContext() == null ? "" : mistake.getContext();
        Optional<Mark> problemMark = mistake.getProblemMark();
        Optional<Mark> contextMark = mistake.getContextMark();
        Mark mark = problemMark.or(() -> contextMark).orElse(null);
        if (mark == null) {
            return RouteFileProblem.of("not YAML: " + problem);
        }
        int line = mark.getLine() + 1;
        int column = mark.getColumn() + 1;
        String text = line(lines, line);

        if (problem.contains("\\t(TAB)")) {
            return at(
                    lines,
                    line,
                    column,
                    "a tab character",
                    "YAML indents with spaces only: replace the tab with spaces");
        }
        Matcher cannotStart = CANNOT_START.matcher(problem);
        if (cannotStart.matches()) {
            String character = cannotStart.group(1);
            return at(
                    lines,
                    line,
                    column,
                    "a value cannot start with '" + character + "' unless it is quoted",
                    "put the value in quotes: \"" + character + "…\"");
        }
        if (context.contains("while scanning an alias") || context.contains("while scanning an anchor")) {
            Mark start = contextMark.orElse(mark);
            return at(
                    lines,
                    start.getLine() + 1,
                    start.getColumn() + 1,
                    "a value cannot start with '*' or '&' unless it is quoted",
                    "put the value in quotes: \"*…\"");
        }
        if (problem.startsWith("mapping values are not allowed here")) {
            return colonInValue(lines, line, column, text);
        }
        if (problem.startsWith("expected ',' or '}'") || problem.startsWith("expected ',' or ']'")) {
            return flow(lines, line, column, text, problem, contextMark.orElse(mark));
        }
        if (problem.startsWith("expected <block end>")
                || problem.startsWith("did not find expected key")
                || problem.startsWith("did not find expected '-' indicator")) {
            return indentation(lines, line, column);
        }
        if (problem.startsWith("could not find expected ':'") && contextMark.isPresent()) {
            int keyLine = contextMark.get().getLine() + 1;
            int keyColumn = contextMark.get().getColumn() + 1;
            String keyText = line(lines, keyLine);
            boolean colonWithoutSpace =
                    keyText.substring(Math.min(keyText.length(), keyColumn - 1)).matches("[^:\\s]+:\\S.*");
            return at(
                    lines,
                    keyLine,
                    keyColumn,
                    colonWithoutSpace ? "a ':' without a space after it" : "a line without ':' after its key",
                    colonWithoutSpace
                            ? "write a space after the colon: key: value"
                            : "write key: value; a value continued on the next line must be quoted");
        }
        if (problem.startsWith("found unexpected end of stream") && context.contains("quoted scalar")) {
            Mark start = contextMark.orElse(mark);
            return at(
                    lines,
                    start.getLine() + 1,
                    start.getColumn() + 1,
                    "a quoted value that is never closed",
                    "end it with the same quote it starts with");
        }
        Matcher escape = UNKNOWN_ESCAPE.matcher(problem);
        if (escape.find()) {
            return at(
                    lines,
                    line,
                    Math.max(1, column - 1),
                    "'\\" + escape.group(1) + "' is not an escape YAML knows in double quotes",
                    "in double quotes write \\\\ for one backslash, or use single quotes: '[0-9]\\d+'");
        }
        if (problem.contains("but found another document")) {
            return at(
                    lines,
                    line,
                    column,
                    "a second YAML document: a route file is one document",
                    "remove the '---' line, or make two files");
        }
        return at(lines, line, column, problem + (context.isEmpty() ? "" : " (" + context + ")"), null);
    }

    /**
     * One of Camel's own complaints about a file that is YAML (an unknown key, a value of the wrong
     * kind), at the key it is about when the file has it; {@code null} for a complaint without a place.
     */
    static RouteFileProblem describeCamel(MarkedYamlEngineException mistake, RouteFileText file) {
        Optional<Mark> mark = mistake.getProblemMark().or(mistake::getContextMark);
        if (mark.isEmpty()) {
            return null;
        }
        String problem = mistake.getProblem() == null ? mistake.getMessage() : mistake.getProblem();
        Matcher unsupported = UNSUPPORTED_FIELD.matcher(problem);
        if (unsupported.matches()) {
            String key = unsupported.group(1).strip();
            // Camel points at the mapping that holds the key, or at its value: the key is what to fix.
            Node keyNode = findKey(file.root(), key, mark.get());
            return keyNode != null
                    ? file.at(keyNode, "unknown key '" + key + "'", "Camel's YAML DSL has no '" + key + "' here")
                    : file.at(mark.get(), "unknown key '" + key + "'", "Camel's YAML DSL has no '" + key + "' here");
        }
        Matcher unknownNode = UNKNOWN_NODE.matcher(problem);
        if (unknownNode.matches()) {
            return file.at(mark.get(), "unknown step '" + unknownNode.group(1).strip() + "'", null);
        }
        return file.at(mark.get(), problem, null);
    }

    static RouteFileProblem at(List<String> lines, int line, int column, String message, String hint) {
        return new RouteFileProblem(line, column, message, hint, line(lines, line));
    }

    /**
     * {@code key: a: b} (a value with {@code ': '} in it), or a key indented under the line above,
     * which makes it part of that line's value.
     */
    private static RouteFileProblem colonInValue(List<String> lines, int line, int column, String text) {
        String before = text.substring(0, Math.min(text.length(), Math.max(0, column - 1)));
        if (before.contains(": ")) {
            return at(
                    lines,
                    line,
                    column,
                    "a ': ' inside a value that is not quoted",
                    "put the whole value in quotes: key: \"a: b\"");
        }
        int previous = previousLine(lines, line);
        String above = line(lines, previous);
        if (above != null && NO_SPACE_AFTER_COLON.matcher(above).matches()) {
            // "key:value" is one word to YAML, which this line then continues.
            return at(
                    lines,
                    previous,
                    above.indexOf(':') + 1,
                    "a ':' without a space after it",
                    "write a space after the colon: key: value");
        }
        return at(
                lines,
                line,
                indentOf(text) + 1,
                "this line is indented further than the one above, so YAML reads it as part of that line's value",
                previous == 0
                        ? "line it up with the keys at its level"
                        : "line it up with line " + previous + " (" + indentOf(line(lines, previous))
                                + " spaces), or quote the value above if this is part of it");
    }

    /** Inside {@code { … }} or {@code [ … ]}: a missing comma, an unquoted colon, or a brace left open. */
    private static RouteFileProblem flow(
            List<String> lines, int line, int column, String text, String problem, Mark opened) {
        String close = problem.startsWith("expected ',' or '}'") ? "}" : "]";
        String open = close.equals("}") ? "{" : "[";
        if (problem.endsWith("<stream end>")) {
            return at(
                    lines,
                    opened.getLine() + 1,
                    opened.getColumn() + 1,
                    "a '" + open + "' that is never closed",
                    "close it with '" + close + "' on the same line");
        }
        if (problem.endsWith("got :")) {
            // "{ name: x value: y }" lacks a comma; "{ name: x, value: a: b }" lacks quotes. The word
            // before this ':' tells them apart: a parameter's keys are name and value.
            String before = text.substring(0, Math.min(text.length(), Math.max(0, column - 1)));
            Matcher word = LAST_WORD.matcher(before);
            if (word.find() && PARAMETER_KEYS.contains(word.group(1))) {
                return at(
                        lines,
                        line,
                        column - word.group(1).length(),
                        "a ',' is missing before this entry",
                        "separate entries with commas: { name: x, value: y }");
            }
            return at(
                    lines,
                    line,
                    column,
                    "a ':' inside a value that is not quoted",
                    "put the whole value in quotes: { name: x, value: \"a: b\" }");
        }
        return at(lines, line, column, "a ',' or '" + close + "' is missing here", null);
    }

    private static RouteFileProblem indentation(List<String> lines, int line, int column) {
        String text = line(lines, line);
        int previous = previousLine(lines, line);
        String hint = "entries of one block start in the same column";
        if (previous != 0) {
            hint += ": this line has " + indentOf(text) + " spaces, line " + previous + " above has "
                    + indentOf(line(lines, previous));
        }
        return at(lines, line, column, "this line's indentation does not match the lines around it", hint);
    }

    /** The nearest line above that holds YAML (not blank, not a comment); 0 when there is none. */
    private static int previousLine(List<String> lines, int line) {
        for (int number = line - 1; number >= 1; number--) {
            String text = line(lines, number).strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return number;
            }
        }
        return 0;
    }

    private static int indentOf(String text) {
        int spaces = 0;
        while (spaces < text.length() && text.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces;
    }

    private static String line(List<String> lines, int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : null;
    }

    /** The key node of that name whose mapping (or value) starts at the mark; else the first of that name. */
    private static Node findKey(Node node, String key, Mark mark) {
        Node[] first = new Node[1];
        Node found = findKey(node, key, mark, first);
        return found != null ? found : first[0];
    }

    private static Node findKey(Node node, String key, Mark mark, Node[] first) {
        if (node instanceof MappingNode mapping) {
            boolean here = startsAt(mapping, mark);
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar
                        && scalar.getValue().equals(key)) {
                    if (first[0] == null) {
                        first[0] = scalar;
                    }
                    if (here || startsAt(tuple.getValueNode(), mark)) {
                        return scalar;
                    }
                }
                Node found = findKey(tuple.getValueNode(), key, mark, first);
                if (found != null) {
                    return found;
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                Node found = findKey(item, key, mark, first);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean startsAt(Node node, Mark mark) {
        return node.getStartMark()
                .map(start -> start.getLine() == mark.getLine() && start.getColumn() == mark.getColumn())
                .orElse(false);
    }
}
