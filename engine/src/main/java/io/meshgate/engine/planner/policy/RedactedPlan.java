package io.meshgate.engine.planner.policy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.externalize.RelWriterImpl;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;

/**
 * The plan text EXPLAIN shows (B5): each barrier is one line, {@code PolicyBarrier(table=[...])},
 * with nothing of its condition, projections, estimates or the scan below it.
 */
public final class RedactedPlan extends RelWriterImpl {
    private RedactedPlan(PrintWriter pw) {
        super(pw, SqlExplainLevel.EXPPLAN_ATTRIBUTES, false);
    }

    public static String text(RelNode plan) {
        StringWriter text = new StringWriter();
        try (PrintWriter pw = new PrintWriter(text)) {
            plan.explain(new RedactedPlan(pw));
        }
        return text.toString().stripTrailing();
    }

    @Override
    protected void explain_(RelNode rel, List<Pair<String, Object>> values) {
        if (rel instanceof PolicyBarrier barrier) {
            StringBuilder line = new StringBuilder();
            spacer.spaces(line);
            pw.println(line.append("PolicyBarrier(table=[").append(barrier.table()).append("])"));
            return;
        }
        super.explain_(rel, values);
    }
}
