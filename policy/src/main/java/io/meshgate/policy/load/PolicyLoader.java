package io.meshgate.policy.load;

import io.meshgate.policy.model.Assignment;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.PolicySet;
import io.meshgate.policy.model.Restriction;
import io.meshgate.yaml.YamlNode;
import io.meshgate.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Loads a directory of policy files (POLICY.md section 5) into a validated {@link PolicySet}.
 *
 * <p>Every {@code *.yaml} and {@code *.yml} file directly in the directory is read, in name order,
 * and the top-level keys of all files are merged: {@code tags}, {@code principals}
 * ({@code attributes}, {@code users}, {@code roles}), {@code assignments}, {@code grants} and
 * {@code restrictions}. Every problem of every file is collected, each with its file, line and
 * rule, and any problem rejects the whole set: a set is used whole or not at all.
 */
public final class PolicyLoader {
    private PolicyLoader() {
    }

    /**
     * The policy set of {@code directory}, its SQL checked by {@code checker}.
     *
     * @throws PolicyLoadException listing every problem when the set cannot be used
     */
    public static PolicySet load(Path directory, ExpressionChecker checker) {
        return load(PolicyFiles.read(directory), checker);
    }

    static PolicySet load(PolicyFiles files, ExpressionChecker checker) {
        List<PolicyProblem> problems = new ArrayList<>(files.problems());
        List<Fields> roots = new ArrayList<>();
        files.texts().forEach((name, text) -> read(name, text, problems).ifPresent(roots::add));

        TagBinder tags = new TagBinder();
        roots.forEach(tags::bind);
        List<Fields> principalSections = roots.stream().flatMap(root -> root.mapping("principals").stream()).toList();
        PrincipalsBinder principals = new PrincipalsBinder();
        principalSections.forEach(principals::bindAttributes);
        principalSections.forEach(principals::bindUsersAndRoles);
        principals.checkRoles();
        Declared declared = new Declared(tags.byKey(), principals.attributes(), principals.roleNames());

        AssignmentBinder assignments = new AssignmentBinder(declared);
        roots.forEach(assignments::bind);
        SqlTexts sql = new SqlTexts(checker, declared.attributes());
        TagExpressionBinder expressions = new TagExpressionBinder(declared);
        RuleParts parts = new RuleParts(new PrincipalMatchBinder(declared), new ObjectSelectionBinder(expressions),
                new ColumnSelectionBinder(expressions), new MaskBinder(sql), sql, new Ids());
        GrantBinder grantBinder = new GrantBinder(parts);
        RestrictionBinder restrictionBinder = new RestrictionBinder(parts);
        List<Grant> grants = roots.stream().flatMap(root -> grantBinder.bind(root).stream()).toList();
        List<Restriction> restrictions = roots.stream().flatMap(root -> restrictionBinder.bind(root).stream()).toList();
        roots.forEach(Fields::rejectUnknownKeys);

        if (!problems.isEmpty()) {
            throw new PolicyLoadException(problems.stream()
                    .sorted(Comparator.comparing(PolicyProblem::file).thenComparingInt(PolicyProblem::line)).toList());
        }
        List<Assignment> boundAssignments = assignments.assignments();
        String revision = PolicyRevision.of(tags.tags(), principals.attributes(), principals.users(), principals.roles(), boundAssignments,
                grants, restrictions);
        return new PolicySet(tags.tags(), principals.attributes(), principals.users(), principals.roles(), boundAssignments, grants,
                restrictions, revision);
    }

    private static Optional<Fields> read(String name, String text, List<PolicyProblem> problems) {
        Optional<YamlNode> root = YamlReader.read(text, problem -> problems.add(problem.path().isEmpty()
                ? new PolicyProblem(name, problem.line(), Rules.YAML_SYNTAX, problem.message())
                : new PolicyProblem(name, problem.line(), Rules.DUPLICATE_KEY, problem.path() + ": " + problem.message()
                        + " (write each key once per mapping)")));
        if (root.isEmpty() || root.get() instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            return Optional.empty();
        }
        return Fields.of(name, "", root.get(), problems);
    }
}
