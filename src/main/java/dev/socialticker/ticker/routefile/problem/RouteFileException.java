package dev.socialticker.ticker.routefile.problem;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A route file that cannot be used, with every mistake found in it: the message lists them on one
 * line, {@link #problems()} gives each with its place and hint.
 */
public class RouteFileException extends Exception {
    private final List<RouteFileProblem> problems;

    public RouteFileException(String message) {
        this(List.of(RouteFileProblem.of(message)));
    }

    /** @param problems at least one; reported in the order of their lines, whole-file ones first */
    public RouteFileException(List<RouteFileProblem> problems) {
        super(summary(problems));
        this.problems = problems.stream()
                .sorted(Comparator.comparingInt(RouteFileProblem::line).thenComparingInt(RouteFileProblem::column))
                .toList();
    }

    public List<RouteFileProblem> problems() {
        return problems;
    }

    private static String summary(List<RouteFileProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refused file has at least one problem");
        }
        return problems.stream()
                .map(problem ->
                        (problem.line() == 0 ? "" : "line " + problem.line() + ", column " + problem.column() + ": ")
                                + problem.message())
                .collect(Collectors.joining("; "));
    }
}
