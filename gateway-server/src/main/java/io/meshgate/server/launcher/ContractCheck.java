package io.meshgate.server.launcher;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.contract.ContractChecker;
import io.meshgate.engine.contract.ContractProblem;
import io.meshgate.engine.contract.ContractReport;
import io.meshgate.engine.contract.ContractResults;
import io.meshgate.engine.contract.DeclaredContract;
import io.meshgate.engine.contract.ProductName;
import io.meshgate.engine.contract.RuleResult;
import io.meshgate.engine.contract.RuleStatus;
import io.meshgate.engine.product.ProductFiles;
import io.meshgate.engine.product.ProductLoadException;
import io.meshgate.error.MeshgateException;
import io.meshgate.server.config.MeshgateConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * {@code meshgate contract check}: finds the contracts in the configured product files, checks
 * each against its table's current snapshot, prints one line per rule
 * ({@code PASS|FAIL|ERROR  rule  detail}) under a line per product, stores each product's results
 * with the snapshot id, and ends with {@code OK: ...} or {@code FAILED: ...}.
 */
final class ContractCheck {
    private final Clock clock;

    ContractCheck(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Returns {@link Main#EXIT_OK} when every rule holds, {@link Main#EXIT_CHECK_FAILED} when one
     * fails or cannot be checked, {@link Main#EXIT_USAGE} when the products or their contracts
     * cannot be read or a product named has no contract.
     *
     * @throws MeshgateException when a domain's catalog cannot be opened
     */
    int run(MeshgateConfig config, List<ProductName> named, PrintStream out, PrintStream err) {
        if (config.products().isEmpty()) {
            err.println("meshgate: the configuration names no product files (add products: DIR, the folder of product files whose products declare a contract)");
            return Main.EXIT_USAGE;
        }
        Path folder = config.products().get();
        List<String> problems = new ArrayList<>();
        List<DeclaredContract> declared = declared(folder, problems);
        if (!problems.isEmpty()) {
            err.println("meshgate: the product files in " + folder + " have " + problems.size() + " problem(s):");
            problems.forEach(problem -> err.println("  " + problem));
            return Main.EXIT_USAGE;
        }
        Map<ProductName, DeclaredContract> byProduct = declared.stream()
                .collect(Collectors.toMap(DeclaredContract::product, Function.identity()));
        List<ProductName> missing = named.stream().filter(product -> !byProduct.containsKey(product)).toList();
        if (!missing.isEmpty()) {
            err.println("meshgate: no contract for " + String.join(", ", missing.stream().map(ProductName::toString).toList()) + " in " + folder
                    + " (products with a contract: " + (declared.isEmpty() ? "none" : String.join(", ", declared.stream()
                            .map(d -> d.product().toString()).toList())) + ")");
            return Main.EXIT_USAGE;
        }
        List<DeclaredContract> selected = named.isEmpty() ? declared : named.stream().map(byProduct::get).toList();
        if (selected.isEmpty()) {
            out.println("OK: no product in " + folder + " declares a contract");
            return Main.EXIT_OK;
        }
        return check(config, selected, out);
    }

    /** The contracts of the product files in {@code folder}; every problem of the files or their contracts is added to {@code problems}. */
    private static List<DeclaredContract> declared(Path folder, List<String> problems) {
        ProductFiles files;
        try {
            files = ProductFiles.load(folder);
        } catch (ProductLoadException e) {
            e.problems().forEach(problem -> problems.add(problem.toString()));
            return List.of();
        }
        return DeclaredContract.in(files, (ContractProblem problem) -> problems.add(problem.toString()));
    }

    private int check(MeshgateConfig config, List<DeclaredContract> selected, PrintStream out) {
        ContractResults results = new ContractResults(config.contracts().results());
        Tally tally = new Tally();
        try (MeshCatalog mesh = new MeshCatalog(MeshgateServer.openDomains(config.domains()));
                BufferAllocator allocator = new RootAllocator()) {
            ContractChecker checker = new ContractChecker(mesh, allocator, clock);
            for (DeclaredContract contract : selected) {
                ContractReport report;
                try {
                    report = checker.check(contract.product(), contract.contract());
                } catch (MeshgateException e) {
                    out.println(contract.product() + " (contract at " + contract.origin() + ")");
                    out.println("  ERROR  " + e.getMessage());
                    tally.unchecked++;
                    continue;
                }
                print(report, contract.origin(), out);
                tally.add(report);
                out.println("  results: " + results.store(report));
            }
        }
        out.println();
        if (tally.failed == 0 && tally.errors == 0 && tally.unchecked == 0) {
            out.println("OK: all " + tally.rules + " rule(s) hold in " + selected.size() + " product(s)");
            return Main.EXIT_OK;
        }
        out.println("FAILED: " + tally.failed + " of " + tally.rules + " rule(s) failed, " + tally.errors + " could not be checked"
                + (tally.unchecked == 0 ? "" : ", " + tally.unchecked + " product(s) could not be checked at all")
                + ", in " + selected.size() + " product(s)");
        return Main.EXIT_CHECK_FAILED;
    }

    private static void print(ContractReport report, String origin, PrintStream out) {
        String snapshot = report.snapshotId().isPresent() ? "snapshot " + report.snapshotId().getAsLong() : "no snapshot";
        out.println(report.product() + " (" + snapshot + ", contract at " + origin + ")");
        int width = report.results().stream().mapToInt(r -> r.rule().length()).max().orElse(0);
        for (RuleResult result : report.results()) {
            out.println("  " + pad(result.status().name(), 5) + "  " + pad(result.rule(), width) + "  " + result.detail());
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** Counts over every product checked. */
    private static final class Tally {
        private long rules;
        private long failed;
        private long errors;
        private long unchecked;

        void add(ContractReport report) {
            rules += report.results().size();
            failed += report.count(RuleStatus.FAIL);
            errors += report.count(RuleStatus.ERROR);
        }
    }
}
