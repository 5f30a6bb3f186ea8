package io.meshgate.benchmarks.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.meshgate.policy.lint.LintFinding;
import io.meshgate.policy.lint.MeshInventory;
import io.meshgate.policy.lint.PolicyLinter;
import io.meshgate.policy.load.ExpressionChecker;
import io.meshgate.policy.load.PolicyLoader;
import io.meshgate.policy.model.ColumnMask;
import io.meshgate.policy.model.ColumnSelection;
import io.meshgate.policy.model.Grant;
import io.meshgate.policy.model.Mask;
import io.meshgate.policy.model.MaskFunction;
import io.meshgate.policy.model.ObjectSelection;
import io.meshgate.policy.model.PolicySet;
import io.meshgate.policy.model.PolicyUser;
import io.meshgate.policy.model.Restriction;
import io.meshgate.policy.model.TagExpression;
import io.meshgate.policy.model.TagKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo mesh's policy files load without problems and lint clean against the demo tables, and
 * the generator copies exactly the files its index lists.
 */
class DemoPoliciesTest {
    private static PolicySet load() throws Exception {
        Path directory = Path.of(DemoPoliciesTest.class.getResource("/io/meshgate/benchmarks/demo/policies").toURI());
        return PolicyLoader.load(directory, ExpressionChecker.NONE);
    }

    /** The demo tables, and the names the analytics domain's links give them (the linter does not read links). */
    private static MeshInventory demoInventory() {
        List<MeshInventory.Table> tables = new ArrayList<>();
        for (DemoTable<?> table : DemoTables.all()) {
            List<String> columns = table.columns().stream().map(DemoColumn::name).toList();
            tables.add(new MeshInventory.Table(table.domain().domainName(), table.domain().schema(), table.name(), columns));
            if (table.domain() == DemoDomain.COMMERCE) {
                tables.add(new MeshInventory.Table("analytics", "sales", table.name(), columns));
            }
            if (table.qualifiedName().equals("customer.crm.customer")) {
                tables.add(new MeshInventory.Table("analytics", "crm", table.name(), columns));
            }
        }
        return new MeshInventory(tables);
    }

    @Test
    void theDemoPoliciesLoadAsDescribed() throws Exception {
        PolicySet set = load();
        assertEquals(List.of("domain", "sensitivity", "pii"), set.tags().stream().map(TagKey::key).toList());
        assertEquals(Map.of("admin", Set.of("governance"), "ana", Set.of("analysts"), "sam", Set.of("sales"), "fred", Set.of("analysts", "fraud")),
                set.users().stream().collect(Collectors.toMap(PolicyUser::name, PolicyUser::groups)));
        assertEquals(8, set.assignments().size());
        assertEquals(List.of("governance-all", "analysts-internal", "sales-customers", "sales-orders", "fraud-customers",
                        "commerce-to-analytics", "customer-to-analytics", "analysts-on-analytics-sales", "analysts-on-analytics-customer"),
                set.grants().stream().map(Grant::id).toList());
        assertEquals(List.of("hash-names", "no-urgent"), set.restrictions().stream().map(Restriction::id).toList());

        Grant analysts = set.grants().get(1);
        assertEquals(new ObjectSelection.Tagged(new TagExpression.Condition("sensitivity", TagExpression.Condition.Comparison.AT_MOST,
                Set.of("internal"))), analysts.on());
        assertEquals(new ColumnSelection.Same(), analysts.columns());
        Grant sales = set.grants().get(2);
        assertEquals(Optional.of("c_mktsegment = :principal.segment"), sales.rows());
        assertEquals(List.of(new ColumnMask(new ColumnSelection.Include(Set.of("c_phone")), Mask.withN(MaskFunction.SHOW_LAST_N, 4))),
                sales.masks());
        assertEquals(Optional.of(Mask.of(MaskFunction.HASH)), set.restrictions().get(0).mask());
    }

    @Test
    void theDemoPoliciesLintCleanAgainstTheDemoTables() throws Exception {
        List<LintFinding> findings = PolicyLinter.lint(load(), Optional.of(demoInventory()));
        assertEquals(List.of(), findings.stream().map(LintFinding::toString).toList());
    }

    @Test
    void indexListsTheFivePolicyFiles() {
        assertEquals(List.of("tags.yaml", "principals.yaml", "grants.yaml", "restrictions.yaml", "links.yaml"), DemoPolicies.fileNames());
    }

    @Test
    void everyListedFileIsCopiedByteForByte(@TempDir Path dir) throws IOException {
        Path copied = DemoPolicies.copyTo(dir);
        assertEquals(dir.resolve("policies"), copied);
        try (Stream<Path> files = Files.list(copied)) {
            assertEquals(DemoPolicies.fileNames().stream().sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        for (String name : DemoPolicies.fileNames()) {
            try (InputStream resource = getClass().getClassLoader().getResourceAsStream(DemoPolicies.RESOURCE_FOLDER + name)) {
                assertArrayEquals(resource.readAllBytes(), Files.readAllBytes(copied.resolve(name)), name);
            }
        }
    }
}
