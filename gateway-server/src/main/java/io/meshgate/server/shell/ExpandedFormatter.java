package io.meshgate.server.shell;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * psql's expanded display ({@code \x}): each row as a {@code -[ RECORD n ]} line followed by one
 * {@code name | value} line per column, names padded to the longest; NULL as {@code NULL}. Rows
 * are written as they arrive, then {@code (n rows)}.
 */
final class ExpandedFormatter implements ResultFormatter {
    private final PrintStream out;
    private List<Field> fields = List.of();
    private int nameWidth;
    private long rows;

    ExpandedFormatter(PrintStream out) {
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public void start(Schema schema) {
        fields = schema.getFields();
        nameWidth = fields.stream().mapToInt(field -> field.getName().length()).max().orElse(0);
    }

    @Override
    public void batch(VectorSchemaRoot batch) {
        for (int row = 0; row < batch.getRowCount(); row++) {
            rows++;
            String label = "-[ RECORD " + rows + " ]";
            out.println(label + "-".repeat(Math.max(0, nameWidth + 1 - label.length())) + "+" + "-".repeat(10));
            for (int column = 0; column < fields.size(); column++) {
                String text = ValueText.text(batch.getVector(column), row);
                String name = fields.get(column).getName();
                out.println(name + " ".repeat(nameWidth - name.length()) + " | "
                        + (text == null ? AlignedFormatter.NULL : AlignedFormatter.oneLine(text)));
            }
        }
    }

    @Override
    public void finish() {
        out.println(rows == 1 ? "(1 row)" : "(" + rows + " rows)");
        out.flush();
    }
}
