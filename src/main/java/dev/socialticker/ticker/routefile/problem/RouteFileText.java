package dev.socialticker.ticker.routefile.problem;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A route file's text, read once so that what is checked is what is loaded, and its YAML as nodes
 * that know their line and column. Composed by the same parser, with the same settings, as Camel's
 * YAML DSL pre-parses a file, so a file this accepts Camel reads, and one it refuses is described here
 * in plain words ({@link YamlMistakes}) instead of in the parser's.
 */
public final class RouteFileText {
    private final String location;
    private final String text;
    private final List<String> lines;
    private final Node root;

    private RouteFileText(String location, String text, List<String> lines, Node root) {
        this.location = location;
        this.text = text;
        this.lines = lines;
        this.root = root;
    }

    /**
     * @param location the file as messages name it ({@code routes/github.camel.yaml})
     * @throws RouteFileException when the file is empty or is not YAML, saying where and why
     */
    public static RouteFileText of(String location, String text) throws RouteFileException {
        // A byte order mark is not part of the first line an integrator sees.
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = List.of(content.split("\\R", -1));
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(location).build()).composeString(content);
        } catch (MarkedYamlEngineException mistake) {
            throw new RouteFileException(List.of(YamlMistakes.describe(mistake, lines)));
        } catch (YamlEngineException mistake) {
            throw new RouteFileException("not YAML: " + mistake.getMessage());
        }
        if (root.isEmpty()) {
            throw new RouteFileException(List.of(RouteFileProblem.of(
                    content.isBlank() ? "the file is empty" : "the file holds only comments",
                    "write the route in it, or delete the file")));
        }
        return new RouteFileText(location, content, lines, root.get());
    }

    public String location() {
        return location;
    }

    public String text() {
        return text;
    }

    public Node root() {
        return root;
    }

    /** A problem at a node's first character. */
    public RouteFileProblem at(Node node, String message, String hint) {
        return node.getStartMark()
                .map(mark -> at(mark, message, hint))
                .orElseGet(() -> RouteFileProblem.of(message, hint));
    }

    /** A problem at a mark of this file's parser, or of Camel's (0-based, as SnakeYAML counts). */
    public RouteFileProblem at(Mark mark, String message, String hint) {
        return YamlMistakes.at(lines, mark.getLine() + 1, mark.getColumn() + 1, message, hint);
    }

    /** A problem at the first key of that name in the file (in the order written); of the whole file when there is none. */
    public RouteFileProblem atKey(String key, String message, String hint) {
        return first(root, key, null)
                .map(node -> at(node, message, hint))
                .orElseGet(() -> RouteFileProblem.of(message, hint));
    }

    /** A problem at the first value the test accepts; of the whole file when there is none. */
    public RouteFileProblem atScalar(Predicate<String> test, String message, String hint) {
        return first(root, null, test)
                .map(node -> at(node, message, hint))
                .orElseGet(() -> RouteFileProblem.of(message, hint));
    }

    /** Depth first, in the order written: a key of that name, or a value the test accepts. */
    private static Optional<Node> first(Node node, String key, Predicate<String> test) {
        if (node instanceof ScalarNode scalar) {
            return test != null && test.test(scalar.getValue()) ? Optional.of(scalar) : Optional.empty();
        }
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                Optional<Node> found = first(item, key, test);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (key != null
                        && tuple.getKeyNode() instanceof ScalarNode name
                        && name.getValue().equals(key)) {
                    return Optional.of(name);
                }
                Optional<Node> found = first(tuple.getValueNode(), key, test);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Camel's complaint about this file (an unknown key, a value of the wrong kind), found among a
     * failure's causes, at its place in the file; null when no cause has a place.
     */
    public RouteFileProblem describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MarkedYamlEngineException marked) {
                return YamlMistakes.describeCamel(marked, this);
            }
        }
        return null;
    }
}
