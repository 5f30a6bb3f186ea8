package io.meshgate.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Values for the {@code ?} parameters of one execution, checked against the parameter schema they
 * were bound for and held in the engine's own representation. Made by {@link PreparedQuery#bind};
 * the values are data handed to the compiled plan, never SQL text.
 */
public final class BoundParameters {
    /** No parameters: what a statement without {@code ?} runs with. */
    public static final BoundParameters NONE = new BoundParameters(new Schema(List.of()), List.of());

    private final Schema schema;
    private final List<Object> values;

    BoundParameters(Schema schema, List<Object> values) {
        this.schema = requireNonNull(schema, "schema is null");
        // Values may be NULL, so not List.copyOf.
        this.values = Collections.unmodifiableList(new ArrayList<>(requireNonNull(values, "values is null")));
        if (schema.getFields().size() != this.values.size()) {
            throw new IllegalArgumentException("Cannot bind parameters: " + schema.getFields().size() + " parameters but "
                    + this.values.size() + " values");
        }
    }

    /** The parameter schema the values were checked against. */
    public Schema schema() {
        return schema;
    }

    /** The values in the engine's representation (dates as days, timestamps as milliseconds), by parameter. */
    List<Object> values() {
        return values;
    }
}
