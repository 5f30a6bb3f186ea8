package io.meshgate.server.transport.flight;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/** Setting nullable values in listing vectors. */
final class Vectors {
    private Vectors() {
    }

    static void set(VarCharVector vector, int index, String value) {
        if (value == null) {
            vector.setNull(index);
        } else {
            vector.setSafe(index, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static void set(IntVector vector, int index, Integer value) {
        if (value == null) {
            vector.setNull(index);
        } else {
            vector.setSafe(index, value);
        }
    }

    static void set(BitVector vector, int index, Boolean value) {
        if (value == null) {
            vector.setNull(index);
        } else {
            vector.setSafe(index, value ? 1 : 0);
        }
    }
}
