package io.meshgate.policy.load;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/** A set of policy files that cannot be used, with every problem found in it. */
public final class PolicyLoadException extends RuntimeException {
    private final List<PolicyProblem> problems;

    public PolicyLoadException(List<PolicyProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, by file and line. */
    public List<PolicyProblem> problems() {
        return problems;
    }

    private static String format(List<PolicyProblem> problems) {
        requireNonNull(problems, "problems is null");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("Cannot create PolicyLoadException: no problems");
        }
        return "Cannot load the policy files: " + problems.size() + " problem(s):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
