package io.meshgate.engine;

import io.meshgate.spi.BatchStream;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A statement parsed, validated and planned for one session. It can be executed any number of
 * times, each time with its own parameter values; each execution reads the tables at their
 * snapshot when it starts.
 */
public interface PreparedQuery extends AutoCloseable {
    /** The Arrow schema of every batch that {@link #execute(BoundParameters)} returns. */
    Schema resultSchema();

    /**
     * One field per {@code ?} in the statement, in order of appearance, named {@code parameter_1},
     * {@code parameter_2}, ..., typed as inferred from where each stands; empty without parameters.
     */
    Schema parameterSchema();

    /** The tables the statement reads, each with the access decision it was planned under. */
    List<RelationAccess> relations();

    /**
     * The warnings a run of the statement started now carries for its client, such as one per
     * deprecated data product it reads; none by default.
     *
     * @throws io.meshgate.error.MeshgateException PRODUCT_RETIRED when a product it reads no longer answers
     */
    default List<String> warnings() {
        return List.of();
    }

    /**
     * Checks one value per parameter (Java values: Long, BigDecimal, String, LocalDate, ..., or
     * null) against {@link #parameterSchema()}; fails with INVALID_REQUEST naming the parameter and
     * the types when a value does not fit.
     */
    default BoundParameters bind(List<?> values) {
        return ParameterBinder.bind(parameterSchema(), values);
    }

    /**
     * Runs the statement with {@code parameters}; batches are produced as the caller reads them.
     * Fails as {@link #warnings()} does when a product it reads no longer answers.
     */
    BatchStream execute(BoundParameters parameters);

    /** Runs a statement without parameters; fails with INVALID_REQUEST when it has some. */
    default BatchStream execute() {
        return execute(bind(List.of()));
    }

    @Override
    void close();
}
