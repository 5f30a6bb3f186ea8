package io.meshgate.engine.execution;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.BatchStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** The answer to {@code EXPLAIN}: one row with one VARCHAR column {@code plan}. */
public final class PlanText {
    public static final Schema SCHEMA = new Schema(List.of(new Field("plan", FieldType.notNullable(ArrowType.Utf8.INSTANCE), List.of())));

    private PlanText() {
    }

    /** A stream of one batch holding {@code text}. */
    public static BatchStream stream(String text, BufferAllocator allocator) {
        requireNonNull(text, "text is null");
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
        try {
            VarCharVector plan = (VarCharVector) root.getVector(0);
            plan.allocateNew();
            plan.setSafe(0, text.getBytes(StandardCharsets.UTF_8));
            root.setRowCount(1);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
        return new BatchStream() {
            private boolean read;

            @Override
            public boolean next() {
                if (read) {
                    return false;
                }
                read = true;
                return true;
            }

            @Override
            public VectorSchemaRoot current() {
                return root;
            }

            @Override
            public void close() {
                root.close();
            }
        };
    }
}
