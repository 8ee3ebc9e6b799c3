package dev.socialticker.ticker.routefile.problem;

import java.util.List;
import java.util.stream.Collectors;

/** A template's parameters that do not fit their declarations: every mistake found, each naming its parameter. */
public class InvalidParametersException extends IllegalArgumentException {
    private final List<ParameterProblem> problems;

    public InvalidParametersException(List<ParameterProblem> problems) {
        super(problems.stream().map(ParameterProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ParameterProblem> problems() {
        return problems;
    }
}
