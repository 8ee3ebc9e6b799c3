package dev.socialticker.ticker.routefile.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A file that is one {@code templatedRoute} (every output file, most provider files), read from its
 * YAML nodes: the template, the route id and the parameters, each with its place, and every mistake
 * of form found on the way (a misspelt or misplaced key, a parameter without a value, one given
 * twice). Camel's own reader stops at the first unknown key and says nothing of the rest; reading the
 * nodes lets a file's checks report all its mistakes at once, each at its line.
 */
public final class TemplatedRouteYaml {
    /** The keys a file's {@code templatedRoute} may have. */
    public static final List<String> KEYS = List.of("routeTemplateRef", "routeId", "parameters");

    private static final String TEMPLATED_ROUTE = "templatedRoute";
    /** Camel knows these too, but a file gives its template's parameters only. */
    private static final Set<String> NOT_USED = Set.of("beans", "prefixId");

    private static final List<String> PARAMETER_KEYS = List.of("name", "value");

    private final RouteFileText file;
    private final Node start;
    private final List<RouteFileProblem> problems = new ArrayList<>();
    private final Map<String, NodeTuple> keys = new LinkedHashMap<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, Node> parameterNames = new LinkedHashMap<>();
    private final Map<String, Node> parameterValues = new LinkedHashMap<>();
    private final Set<String> reported = new HashSet<>();

    private TemplatedRouteYaml(RouteFileText file, Node start) {
        this.file = file;
        this.start = start;
    }

    /**
     * The file read as one {@code templatedRoute}; empty when it is something else (a plain route,
     * several items), which Camel's reader and the caller's checks then judge.
     */
    public static Optional<TemplatedRouteYaml> of(RouteFileText file) {
        Node root = file.root();
        if (root instanceof MappingNode mapping && find(mapping, TEMPLATED_ROUTE) != null) {
            TemplatedRouteYaml route = new TemplatedRouteYaml(file, root);
            route.problems.add(file.at(
                    root,
                    "the file must be a list with the templatedRoute as its item",
                    "start the first line with '- ': - templatedRoute:"));
            route.read(mapping);
            return Optional.of(route);
        }
        if (!(root instanceof SequenceNode sequence)
                || sequence.getValue().size() != 1
                || !(sequence.getValue().get(0) instanceof MappingNode item)
                || find(item, TEMPLATED_ROUTE) == null) {
            return Optional.empty();
        }
        TemplatedRouteYaml route = new TemplatedRouteYaml(file, item);
        route.read(item);
        return Optional.of(route);
    }

    /** The {@code routeTemplateRef} as written; null when it is missing. */
    public String templateRef() {
        return scalar("routeTemplateRef");
    }

    /** The {@code routeId} as written; null when it is missing. */
    public String routeId() {
        return scalar("routeId");
    }

    /** Every parameter given, by name, in the file's order (the first, when one is given twice). */
    public Map<String, String> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** The mistakes of form found reading the file; its checks add theirs. */
    public List<RouteFileProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * True when a parameter was named but its value could not be read (none, or not text): that was
     * said already, so what its checks would say of it (required, …) is not said again.
     */
    public boolean reported(String parameter) {
        return reported.contains(parameter);
    }

    /** A problem with the template (or where it is missing). */
    public RouteFileProblem atTemplateRef(String message, String hint) {
        return at("routeTemplateRef", message, hint);
    }

    /** A problem with the route id (or where it is missing). */
    public RouteFileProblem atRouteId(String message, String hint) {
        return at("routeId", message, hint);
    }

    /**
     * The route id's problem, if it is not {@code expected}, the id the file's name gives it.
     *
     * @param fileName the file's name, for the message ({@code acme.camel.yaml})
     */
    public Optional<RouteFileProblem> routeIdProblem(String expected, String fileName) {
        if (routeId() == null) {
            return Optional.of(atRouteId("routeId is missing", "write routeId: " + expected));
        }
        if (!expected.equals(routeId())) {
            return Optional.of(atRouteId(
                    "routeId must be '" + expected + "' (the file is " + fileName + "), not '" + routeId() + "'",
                    null));
        }
        return Optional.empty();
    }

    /** A problem with a parameter's name (an unknown one). */
    public RouteFileProblem atParameterName(String name, String message, String hint) {
        Node node = parameterNames.get(name);
        return node != null ? file.at(node, message, hint) : atParameter(name, message, hint);
    }

    /**
     * A problem with a parameter's value: at the value when it is given, else at the parameter list
     * (a required one missing); {@code name} null for a problem of the whole file's parameters.
     */
    public RouteFileProblem atParameter(String name, String message, String hint) {
        Node value = name == null ? null : parameterValues.get(name);
        if (value != null) {
            return file.at(value, message, hint);
        }
        NodeTuple list = keys.get("parameters");
        return list != null ? file.at(list.getKeyNode(), message, hint) : file.at(start, message, hint);
    }

    private RouteFileProblem at(String key, String message, String hint) {
        NodeTuple tuple = keys.get(key);
        return file.at(tuple != null ? tuple.getValueNode() : start, message, hint);
    }

    private String scalar(String key) {
        NodeTuple tuple = keys.get(key);
        return tuple != null && tuple.getValueNode() instanceof ScalarNode scalar ? text(scalar) : null;
    }

    private void read(MappingNode item) {
        for (NodeTuple tuple : item.getValue()) {
            String key = keyOf(tuple);
            if (KEYS.contains(key)) {
                problems.add(file.at(
                        tuple.getKeyNode(),
                        "'" + key + "' belongs under templatedRoute",
                        "indent it like the other keys under templatedRoute"));
            } else if (!TEMPLATED_ROUTE.equals(key)) {
                problems.add(
                        file.at(tuple.getKeyNode(), "unknown key '" + key + "'", "an item here is - templatedRoute:"));
            }
        }
        NodeTuple templated = find(item, TEMPLATED_ROUTE);
        if (!(templated.getValueNode() instanceof MappingNode route)) {
            problems.add(file.at(
                    templated.getKeyNode(),
                    "templatedRoute holds routeTemplateRef, routeId and parameters",
                    "write them on the lines below it, indented further"));
            return;
        }
        Map<String, NodeTuple> misspelt = new LinkedHashMap<>();
        for (NodeTuple tuple : route.getValue()) {
            String key = keyOf(tuple);
            if (keys.containsKey(key)) {
                problems.add(twice(
                        tuple.getKeyNode(),
                        "'" + key + "' is given twice",
                        keys.get(key).getKeyNode()));
            } else if (KEYS.contains(key)) {
                keys.put(key, tuple);
            } else if (NOT_USED.contains(key)) {
                problems.add(file.at(
                        tuple.getKeyNode(),
                        "'" + key + "' is not used in these files",
                        "a file gives its template's parameters only"));
            } else {
                Optional<String> meant = Spelling.closest(key, KEYS);
                problems.add(file.at(
                        tuple.getKeyNode(),
                        "unknown key '" + key + "' in templatedRoute",
                        meant.map(known -> "did you mean '" + known + "'?")
                                .orElse("the keys are " + String.join(", ", KEYS))));
                meant.ifPresent(known -> misspelt.putIfAbsent(known, tuple));
            }
        }
        // A misspelt key is read as the one it was meant to be, so what it holds is checked too
        // (instead of being reported missing).
        misspelt.forEach(keys::putIfAbsent);
        for (String key : List.of("routeTemplateRef", "routeId")) {
            NodeTuple tuple = keys.get(key);
            if (tuple != null && !(tuple.getValueNode() instanceof ScalarNode)) {
                problems.add(file.at(tuple.getValueNode(), "'" + key + "' is one word, not a list or a mapping", null));
            }
        }
        NodeTuple list = keys.get("parameters");
        if (list != null) {
            readParameters(list);
        }
    }

    private void readParameters(NodeTuple list) {
        Node value = list.getValueNode();
        if (value instanceof ScalarNode scalar && text(scalar) == null) {
            return; // "parameters:" with none: the required ones are reported missing
        }
        if (!(value instanceof SequenceNode sequence)) {
            problems.add(file.at(
                    value,
                    "parameters is a list",
                    "write each parameter on its own line, starting with '- ': - { name: url, value: \"https://…\" }"));
            return;
        }
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode parameter)) {
                problems.add(file.at(
                        item, "a parameter is a name and a value", "write - { name: url, value: \"https://…\" }"));
                continue;
            }
            readParameter(parameter);
        }
    }

    private void readParameter(MappingNode parameter) {
        Map<String, NodeTuple> given = new LinkedHashMap<>();
        Map<String, NodeTuple> misspelt = new LinkedHashMap<>();
        for (NodeTuple tuple : parameter.getValue()) {
            String key = keyOf(tuple);
            if (PARAMETER_KEYS.contains(key) && !given.containsKey(key)) {
                given.put(key, tuple);
            } else if (PARAMETER_KEYS.contains(key)) {
                problems.add(file.at(tuple.getKeyNode(), "'" + key + "' is given twice in one parameter", null));
            } else {
                Optional<String> meant = Spelling.closest(key, PARAMETER_KEYS);
                problems.add(file.at(
                        tuple.getKeyNode(),
                        "unknown key '" + key + "' in a parameter",
                        meant.map(known -> "did you mean '" + known + "'?")
                                .orElse("a parameter has a name and a value")));
                meant.ifPresent(known -> misspelt.putIfAbsent(known, tuple));
            }
        }
        misspelt.forEach(given::putIfAbsent);
        NodeTuple name = given.get("name");
        NodeTuple value = given.get("value");
        if (name == null || !(name.getValueNode() instanceof ScalarNode nameScalar) || text(nameScalar) == null) {
            problems.add(file.at(parameter, "a parameter without a name", "write - { name: …, value: … }"));
            return;
        }
        String named = text(nameScalar).strip();
        if (parameterNames.containsKey(named)) {
            problems.add(twice(nameScalar, "parameter '" + named + "' is given twice", parameterNames.get(named)));
            return;
        }
        parameterNames.put(named, nameScalar);
        if (value == null) {
            reported.add(named);
            problems.add(file.at(
                    parameter, "parameter '" + named + "' has no value", "write - { name: " + named + ", value: … }"));
            return;
        }
        parameterValues.put(named, value.getValueNode());
        if (!(value.getValueNode() instanceof ScalarNode scalar)) {
            reported.add(named);
            problems.add(file.at(
                    value.getValueNode(),
                    "the value of parameter '" + named + "' is a list or a mapping; a value is text",
                    "for several lines write value: | and the lines below it, indented further"));
            return;
        }
        String text = text(scalar);
        parameters.put(named, text == null ? "" : text);
    }

    private RouteFileProblem twice(Node node, String message, Node first) {
        String hint = first.getStartMark()
                .map(mark -> "it is first given at line " + (mark.getLine() + 1) + "; keep one")
                .orElse("keep one");
        return file.at(node, message, hint);
    }

    private static NodeTuple find(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (key.equals(keyOf(tuple))) {
                return tuple;
            }
        }
        return null;
    }

    private static String keyOf(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(tuple.getKeyNode());
    }

    /** A scalar's text; null for YAML's null ({@code key:} with nothing, {@code ~}). */
    private static String text(ScalarNode scalar) {
        return Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
    }
}
