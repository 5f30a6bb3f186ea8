package io.meshgate.server.shell;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * JSON Lines: one object per row, {@code {"column": value, ...}}, values as {@link ValueText#json}
 * gives them (numbers and booleans bare, decimals exact, NULL as null, the rest as strings, nested
 * values as JSON).
 */
final class JsonLinesFormatter implements ResultFormatter {
    private final PrintStream out;
    private List<String> names = List.of();

    JsonLinesFormatter(PrintStream out) {
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public void start(Schema schema) {
        names = schema.getFields().stream().map(Field::getName).map(ValueText::quote).toList();
    }

    @Override
    public void batch(VectorSchemaRoot batch) {
        StringBuilder lines = new StringBuilder();
        for (int row = 0; row < batch.getRowCount(); row++) {
            lines.append('{');
            for (int column = 0; column < names.size(); column++) {
                lines.append(column > 0 ? ", " : "").append(names.get(column)).append(": ")
                        .append(ValueText.json(batch.getVector(column), row));
            }
            lines.append("}\n");
        }
        out.print(lines);
    }

    @Override
    public void finish() {
        out.flush();
    }
}
