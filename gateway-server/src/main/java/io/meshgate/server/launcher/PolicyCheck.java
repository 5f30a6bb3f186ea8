package io.meshgate.server.launcher;

import io.meshgate.policy.lint.LintFinding;
import io.meshgate.policy.lint.PolicyLinter;
import io.meshgate.policy.load.ExpressionChecker;
import io.meshgate.policy.load.PolicyLoadException;
import io.meshgate.policy.load.PolicyLoader;
import io.meshgate.policy.load.PolicyProblem;
import io.meshgate.policy.model.PolicySet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code meshgate policy check DIR}: loads and lints a directory of policy files, printing one line
 * per problem or finding ({@code file:line: ERROR|WARNING [rule] message}) and
 * {@code OK revision <id>} when the set can be used. Errors fail the check; warnings do not.
 */
final class PolicyCheck {
    private final ExpressionChecker checker;

    PolicyCheck(ExpressionChecker checker) {
        this.checker = checker;
    }

    /** True when the set has no errors. */
    boolean run(Path directory, PrintStream out) {
        PolicySet set;
        try {
            set = PolicyLoader.load(directory, checker);
        } catch (PolicyLoadException e) {
            for (PolicyProblem problem : e.problems()) {
                out.println(problem.file() + ":" + problem.line() + ": " + LintFinding.Severity.ERROR + " [" + problem.rule() + "] " + problem.message());
            }
            out.println("FAILED: " + e.problems().size() + " error(s) in " + directory);
            return false;
        }
        List<LintFinding> findings = PolicyLinter.lint(set, Optional.empty());
        findings.forEach(out::println);
        long errors = findings.stream().filter(f -> f.severity() == LintFinding.Severity.ERROR).count();
        if (errors > 0) {
            out.println("FAILED: " + errors + " error(s) in " + directory);
            return false;
        }
        out.println("OK revision " + set.shortRevision());
        return true;
    }
}
