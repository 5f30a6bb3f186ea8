package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.Session;
import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.meta.SystemTables;
import io.meshgate.engine.planner.policy.BarrierBuilder;
import io.meshgate.engine.planner.policy.BarrierFilterRule;
import io.meshgate.engine.planner.policy.EnumerablePolicyBarrier;
import io.meshgate.engine.planner.policy.PolicyTrimmer;
import io.meshgate.engine.planner.policy.RedactedPlan;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.types.MeshJavaTypeFactory;
import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * Plans one statement, in explicit phases: parse, validate, SQL to relational algebra (subqueries
 * removed and decorrelated; every table reference is already behind its policy barrier), then
 * optimization (normalization, join ordering, field trimming, scan pushdown, and a cost-based pass
 * to Calcite's enumerable convention, where equi-joins become hash joins).
 */
public final class QueryPlanner {
    private static final Pattern PLAIN_EXPLAIN = Pattern.compile("^(\\s*)(explain)(?!\\s+plan\\b)\\b", Pattern.CASE_INSENSITIVE);

    private static final List<RelOptRule> SUB_QUERY_REMOVAL = List.of(
            CoreRules.FILTER_SUB_QUERY_TO_CORRELATE, CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE, CoreRules.JOIN_SUB_QUERY_TO_CORRELATE);

    /** Normalization, in passes that each reach a fixed point on their own (together they chase each other). */
    private static final List<List<RelOptRule>> NORMALIZE = List.of(
            List.of(CoreRules.FILTER_REDUCE_EXPRESSIONS, CoreRules.PROJECT_REDUCE_EXPRESSIONS, CoreRules.JOIN_REDUCE_EXPRESSIONS),
            List.of(CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH, CoreRules.FILTER_PROJECT_TRANSPOSE,
                    CoreRules.FILTER_AGGREGATE_TRANSPOSE, CoreRules.FILTER_MERGE, BarrierFilterRule.INSTANCE),
            List.of(CoreRules.AGGREGATE_REDUCE_FUNCTIONS, CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES_TO_JOIN, CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE));

    private static final List<RelOptRule> JOIN_ORDER = List.of(CoreRules.JOIN_TO_MULTI_JOIN, CoreRules.MULTI_JOIN_OPTIMIZE);

    private static final List<RelOptRule> PHYSICAL = physicalRules();

    /** Bounds each rewrite pass, so that rules that undo each other cannot stall planning. */
    private static final int MATCH_LIMIT = 2_000;

    private final MeshCatalog catalog;
    private final Governance governance;
    private final SystemTables systemTables;

    public QueryPlanner(MeshCatalog catalog, Governance governance, SystemTables systemTables) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.governance = requireNonNull(governance, "governance is null");
        this.systemTables = requireNonNull(systemTables, "systemTables is null");
    }

    /**
     * Plans {@code sql} for {@code session} over {@code view}, the catalog as the session's
     * principal sees it; failures are {@link MeshgateException}s with a code and position.
     */
    public PlannedQuery plan(CatalogView view, Session session, String sql) {
        requireNonNull(view, "view is null");
        requireNonNull(session, "session is null");
        requireNonNull(sql, "sql is null");
        JavaTypeFactory typeFactory = new MeshJavaTypeFactory();
        BarrierBuilder barriers = new BarrierBuilder(governance.policy().resolve(session.principal()), governance.hashKey());
        GovernedTables tables = new GovernedTables(view, barriers);
        CalciteCatalogReader reader = catalogReader(session, tables, typeFactory);
        try {
            Parsed parsed = parse(sql);
            SqlValidator validator = SqlValidatorUtil.newValidator(SqlOperatorTables.chain(MeshSql.BUILT_INS, reader),
                    reader, typeFactory, MeshSql.VALIDATOR);
            SqlNode validated = DynamicParameters.validate(parsed.query(), validator);
            RelDataType parameterRowType = DynamicParameters.rowType(validated, validator, typeFactory);
            RelRoot root = toRel(validated, validator, reader, typeFactory);
            EnumerableRel plan = optimize(root, reader);
            List<String> names = root.fields.stream().map(f -> f.getValue()).toList();
            return new PlannedQuery(plan, names, parameterRowType, RedactedPlan.text(plan), parsed.explain(), typeFactory, tables.relations(),
                    tables.products());
        } catch (SqlParseException e) {
            throw QueryErrors.syntaxError(e);
        } catch (RuntimeException e) {
            throw QueryErrors.planningError(e);
        }
    }

    private CalciteCatalogReader catalogReader(Session session, GovernedTables tables, JavaTypeFactory typeFactory) {
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        properties.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), Casing.UNCHANGED.name());
        properties.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), Casing.UNCHANGED.name());
        properties.setProperty(CalciteConnectionProperty.QUOTING.camelName(), Quoting.DOUBLE_QUOTE.name());
        // Names resolve against the session's catalog and schema, then its catalog alone, then the root:
        // with catalog `commerce` and schema `sales`, `orders`, `sales.orders` and `commerce.sales.orders` all work.
        List<List<String>> paths = new ArrayList<>();
        session.catalog().ifPresent(catalogName -> {
            session.schema().ifPresent(schemaName -> paths.add(List.of(catalogName, schemaName)));
            paths.add(List.of(catalogName));
        });
        paths.add(List.of());
        CalciteConnectionConfigImpl config = new CalciteConnectionConfigImpl(properties);
        return new CalciteCatalogReader(MeshSchemas.root(catalog, tables, systemTables), SqlNameMatchers.withCaseSensitive(false), paths, typeFactory, config) {
        };
    }

    /** A parsed statement; {@code EXPLAIN q} and {@code EXPLAIN PLAN FOR q} both explain {@code q}. */
    private record Parsed(SqlNode query, boolean explain) {
    }

    private static Parsed parse(String sql) throws SqlParseException {
        Matcher plain = PLAIN_EXPLAIN.matcher(sql);
        boolean explain = plain.find();
        String text = explain ? plain.replaceFirst("$1" + " ".repeat(plain.group(2).length())) : sql;
        SqlNode node = SqlParser.create(text, MeshSql.PARSER).parseStmt();
        if (node instanceof SqlExplain sqlExplain) {
            explain = true;
            node = sqlExplain.getExplicandum();
        }
        if (!node.getKind().belongsTo(SqlKind.QUERY)) {
            throw new MeshgateException(ErrorCode.NOT_SUPPORTED, "Only queries are supported, not " + node.getKind());
        }
        return new Parsed(node, explain);
    }

    private static RelRoot toRel(SqlNode validated, SqlValidator validator, CalciteCatalogReader reader, JavaTypeFactory typeFactory) {
        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        planner.setExecutor(RexUtil.EXECUTOR);
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        SqlToRelConverter converter = new SqlToRelConverter(
                (rowType, queryString, schemaPath, viewPath) -> {
                    throw new MeshgateException(ErrorCode.NOT_SUPPORTED, "Views are not supported yet");
                },
                validator, reader, cluster, StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config().withExpand(false).withTrimUnusedFields(false));
        RelRoot root = converter.convertQuery(validated, false, true);
        RelNode withoutSubQueries = hep(root.rel, SUB_QUERY_REMOVAL, HepMatchOrder.DEPTH_FIRST);
        RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(cluster, reader);
        return root.withRel(RelDecorrelator.decorrelateQuery(withoutSubQueries, relBuilder));
    }

    private static EnumerableRel optimize(RelRoot root, CalciteCatalogReader reader) {
        RelNode rel = OrFactoring.apply(root.rel);
        for (List<RelOptRule> pass : NORMALIZE) {
            rel = hep(rel, pass, HepMatchOrder.BOTTOM_UP);
        }
        rel = hep(rel, JOIN_ORDER, HepMatchOrder.BOTTOM_UP);
        rel = new PolicyTrimmer(RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), reader)).trim(rel);
        rel = hep(rel, pushdownRules(), HepMatchOrder.BOTTOM_UP);

        VolcanoPlanner planner = (VolcanoPlanner) rel.getCluster().getPlanner();
        planner.clear();
        PHYSICAL.forEach(planner::addRule);
        RelTraitSet desired = rel.getTraitSet().replace(EnumerableConvention.INSTANCE).replace(root.collation).simplify();
        planner.setRoot(rel.getTraitSet().equals(desired) ? rel : planner.changeTraits(rel, desired));
        EnumerableRel best = (EnumerableRel) planner.findBestExp();
        return finalProjection(root, best);
    }

    /** Applies the query's final column selection (RelRoot.fields) on top of the optimized plan. */
    private static EnumerableRel finalProjection(RelRoot root, EnumerableRel best) {
        if (root.isRefTrivial() && best.getRowType().getFieldCount() == root.fields.size()) {
            return best;
        }
        RexBuilder rexBuilder = best.getCluster().getRexBuilder();
        List<RexNode> projects = root.fields.stream().map(f -> (RexNode) rexBuilder.makeInputRef(best, f.getKey())).toList();
        RelDataType rowType = RexUtil.createStructType(best.getCluster().getTypeFactory(), projects,
                root.fields.stream().map(f -> f.getValue()).toList(), null);
        return EnumerableCalc.create(best, RexProgram.create(best.getRowType(), projects, null, rowType, rexBuilder));
    }

    private static List<RelOptRule> pushdownRules() {
        List<RelOptRule> rules = new ArrayList<>(MeshRules.PUSHDOWN);
        rules.add(CoreRules.PROJECT_MERGE);
        rules.add(CoreRules.PROJECT_REMOVE);
        return rules;
    }

    private static RelNode hep(RelNode rel, Collection<RelOptRule> rules, HepMatchOrder order) {
        HepProgramBuilder builder = HepProgram.builder().addMatchOrder(order).addMatchLimit(MATCH_LIMIT).addRuleCollection(List.copyOf(rules));
        HepPlanner planner = new HepPlanner(builder.build());
        planner.setExecutor(RexUtil.EXECUTOR);
        planner.setRoot(rel);
        return planner.findBestExp();
    }

    private static List<RelOptRule> physicalRules() {
        // EnumerableProject and EnumerableFilter cannot generate code: projections and filters become EnumerableCalc.
        List<RelOptRule> rules = new ArrayList<>(EnumerableRules.ENUMERABLE_RULES);
        rules.remove(EnumerableRules.ENUMERABLE_PROJECT_RULE);
        rules.remove(EnumerableRules.ENUMERABLE_FILTER_RULE);
        rules.add(CoreRules.PROJECT_TO_CALC);
        rules.add(CoreRules.FILTER_TO_CALC);
        rules.add(EnumerableRules.ENUMERABLE_AGGREGATE_RULE);
        rules.add(EnumerableRules.ENUMERABLE_CALC_RULE);
        rules.add(EnumerableRules.ENUMERABLE_PROJECT_TO_CALC_RULE);
        rules.add(EnumerableRules.ENUMERABLE_FILTER_TO_CALC_RULE);
        rules.add(EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);
        rules.add(CoreRules.PROJECT_CALC_MERGE);
        rules.add(CoreRules.FILTER_CALC_MERGE);
        rules.add(CoreRules.CALC_MERGE);
        rules.add(EnumerablePolicyBarrier.RULE);
        return List.copyOf(rules);
    }
}
