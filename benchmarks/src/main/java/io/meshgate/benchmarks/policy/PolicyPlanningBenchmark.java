package io.meshgate.benchmarks.policy;

import io.meshgate.benchmarks.demo.DemoCatalog;
import io.meshgate.benchmarks.demo.DemoMesh;
import io.meshgate.benchmarks.tpch.TpchQueries;
import io.meshgate.connector.iceberg.IcebergConnector;
import io.meshgate.engine.QueryEngine;
import io.meshgate.engine.Session;
import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.catalog.SchemaBinding;
import io.meshgate.engine.meta.SystemTables;
import io.meshgate.engine.planner.QueryPlanner;
import io.meshgate.engine.planner.policy.PolicySqlChecker;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.PolicyEvaluator;
import io.meshgate.policy.load.PolicyLoader;
import io.meshgate.policy.model.PolicySet;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The planning cost of governance: TPC-H Q5 (six tables, three domains) planned for the demo's
 * {@code admin} (no barrier) and {@code ana} (barriers with a row filter and a HASH mask), on the
 * demo mesh and demo policy set. Planning only: parse, validate, barriers, optimization; no code
 * generation, no execution. Decisions are cached after the first plan, as in the server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyPlanningBenchmark {
    private static final Map<String, Set<String>> GROUPS = Map.of("admin", Set.of("governance"), "ana", Set.of("analysts"));

    @Param({"admin", "ana"})
    public String user;

    private Path dataDir;
    private RootAllocator allocator;
    private MeshCatalog catalog;
    private QueryEngine engine;
    private QueryPlanner planner;
    private Session session;
    private String q5;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dataDir = Files.createTempDirectory("meshgate-policy-bench");
        DemoMesh.ensure(dataDir, 0.01, new PrintStream(OutputStream.nullOutputStream()));
        catalog = new MeshCatalog(DemoCatalog.of(dataDir).stream()
                .map(c -> new Domain(c.domain(), IcebergConnector.open(c.spec()), List.of(new SchemaBinding(c.schema(), c.domain()))))
                .toList());
        PolicySet policies = PolicyLoader.load(dataDir.resolve("policies"), new PolicySqlChecker());
        Governance governance = new Governance(new PolicyEvaluator(policies), HashKey.of("benchmark-hash-key-0123456789"));
        allocator = new RootAllocator();
        engine = new QueryEngine(catalog, allocator, governance);
        planner = new QueryPlanner(catalog, governance, SystemTables.standard());
        session = Session.of(new Principal(user, GROUPS.get(user)));
        q5 = TpchQueries.text(5);
    }

    @Benchmark
    public Object planQ5() {
        return planner.plan(engine.catalogView(session.principal()), session, q5).plan();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        catalog.close();
        allocator.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
