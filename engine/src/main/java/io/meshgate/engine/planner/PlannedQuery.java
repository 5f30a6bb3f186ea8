package io.meshgate.engine.planner;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.RelationAccess;
import io.meshgate.engine.product.Product;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The outcome of planning one statement: the optimized enumerable plan, the result column names
 * as the query wrote them, the types of its {@code ?} parameters (a row type, by parameter index), its text as EXPLAIN shows it, whether the statement was an EXPLAIN,
 * the tables it reads with their access decisions, and those tables as data products.
 */
public record PlannedQuery(EnumerableRel plan, List<String> columnNames, RelDataType parameterRowType, String explainText, boolean explain, JavaTypeFactory typeFactory,
        List<RelationAccess> relations, List<Product> products) {
    public PlannedQuery {
        requireNonNull(plan, "plan is null");
        columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        requireNonNull(parameterRowType, "parameterRowType is null");
        requireNonNull(explainText, "explainText is null");
        requireNonNull(typeFactory, "typeFactory is null");
        relations = List.copyOf(requireNonNull(relations, "relations is null"));
        products = List.copyOf(requireNonNull(products, "products is null"));
    }
}
