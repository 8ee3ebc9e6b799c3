package dev.socialticker.ticker.routefile;

import dev.socialticker.ticker.routefile.problem.RouteFileProblem;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The files of one kind this instance runs, by name, and those it refused with the reason. Start-up
 * checks, {@code /actuator/health} and reloads all read it.
 *
 * @param <T> what is kept of a running file
 */
public class RouteFileCatalog<T> {
    /**
     * A file that was not loaded (or, on reload, not applied), with every mistake found in it.
     *
     * @param key      its name, or its file name when it has no usable one
     * @param location the file as the messages name it
     */
    public record Broken(String key, String location, List<RouteFileProblem> problems) {
        public Broken {
            problems = List.copyOf(problems);
        }

        /** Every mistake on one line, each as {@code file:line:column: what (hint)}: for health. */
        public String reason() {
            return problems.stream().map(problem -> problem.oneLine(location)).collect(Collectors.joining("; "));
        }

        /** Every mistake with its line and a caret under the place, one after the other: for the log. */
        public String details() {
            return problems.stream().map(problem -> problem.block(location)).collect(Collectors.joining("\n"));
        }
    }

    private final Map<String, T> loaded = new TreeMap<>();
    private final Map<String, Broken> broken = new TreeMap<>();

    public synchronized void loaded(String name, T file) {
        loaded.put(name, file);
        broken.remove(name);
    }

    /** Records a refused file under its name (or file name, when it has no usable one). */
    public synchronized void broken(Broken file) {
        broken.put(file.key(), file);
    }

    /**
     * Records a refused file with every problem masked: a problem may quote the offending line, and
     * health shows it to anyone.
     *
     * @return what was recorded, for the log
     */
    public Broken refuse(String key, String location, List<RouteFileProblem> problems, UnaryOperator<String> mask) {
        Broken file = new Broken(
                key,
                location,
                problems.stream().map(problem -> problem.masked(mask)).toList());
        broken(file);
        return file;
    }

    public synchronized void removed(String name) {
        loaded.remove(name);
        broken.remove(name);
    }

    public synchronized void forgetBroken(String key) {
        broken.remove(key);
    }

    public synchronized Optional<T> find(String name) {
        return Optional.ofNullable(loaded.get(name));
    }

    public synchronized Optional<Broken> findBroken(String key) {
        return Optional.ofNullable(broken.get(key));
    }

    public synchronized Map<String, T> loaded() {
        return Collections.unmodifiableMap(new TreeMap<>(loaded));
    }

    public synchronized Map<String, Broken> broken() {
        return Collections.unmodifiableMap(new TreeMap<>(broken));
    }
}
