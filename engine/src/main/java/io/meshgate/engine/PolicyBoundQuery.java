package io.meshgate.engine;

import static java.util.Objects.requireNonNull;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import io.meshgate.spi.BatchStream;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A prepared query tied to the revision it was planned under (B7): the policy's and the product
 * files'. Executed (or asked for its warnings) after either changed, it is planned again first
 * (its parameter values stay data: they are not part of the plan), so a revoked grant, a new mask
 * or a product deprecated since holds for statements prepared before the change; if the new
 * plan's columns or parameter types differ, it fails and asks for the statement to be prepared
 * again.
 */
final class PolicyBoundQuery implements PreparedQuery {
    private final Supplier<String> currentRevision;
    private final Supplier<PreparedQuery> planner;
    private volatile PreparedQuery planned;
    private volatile String revision;

    PolicyBoundQuery(Supplier<String> currentRevision, Supplier<PreparedQuery> planner) {
        this.currentRevision = requireNonNull(currentRevision, "currentRevision is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.revision = currentRevision.get();
        this.planned = planner.get();
    }

    @Override
    public Schema resultSchema() {
        return planned.resultSchema();
    }

    @Override
    public Schema parameterSchema() {
        return planned.parameterSchema();
    }

    @Override
    public List<RelationAccess> relations() {
        return planned.relations();
    }

    @Override
    public List<String> warnings() {
        return current().warnings();
    }

    @Override
    public BatchStream execute(BoundParameters parameters) {
        return current().execute(parameters);
    }

    /** The query planned under the revision in force, planned again first if that changed. */
    private PreparedQuery current() {
        String now = currentRevision.get();
        if (!now.equals(revision)) {
            PreparedQuery replanned = planner.get();
            if (!replanned.resultSchema().equals(planned.resultSchema()) || !replanned.parameterSchema().equals(planned.parameterSchema())) {
                replanned.close();
                throw new MeshgateException(ErrorCode.INVALID_REQUEST,
                        "The policy in force changed since this statement was prepared, and so did its result columns or parameter types: prepare it again");
            }
            planned.close();
            planned = replanned;
            revision = now;
        }
        return planned;
    }

    @Override
    public void close() {
        planned.close();
    }
}
