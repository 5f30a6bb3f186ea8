package io.meshgate.server.shell;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * CSV or TSV for programs: a header line of column names, then one line per row, ended by
 * {@code \n}. CSV quotes a field (RFC 4180: in double quotes, a quote doubled) when it holds a
 * comma, a quote, a line break or is the empty string, so that NULL (an empty field) and {@code ''}
 * (a {@code ""} field) differ. TSV escapes tab, newline, carriage return and backslash as
 * {@code \t}, {@code \n}, {@code \r} and {@code \\}; NULL is an empty field.
 */
final class DelimitedFormatter implements ResultFormatter {
    enum Dialect { CSV, TSV }

    private final PrintStream out;
    private final Dialect dialect;
    private int columns;

    DelimitedFormatter(PrintStream out, Dialect dialect) {
        this.out = requireNonNull(out, "out is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    @Override
    public void start(Schema schema) {
        List<Field> fields = schema.getFields();
        StringBuilder header = new StringBuilder();
        for (int column = 0; column < fields.size(); column++) {
            header.append(column > 0 ? String.valueOf(separator()) : "").append(field(fields.get(column).getName()));
        }
        columns = fields.size();
        out.print(header.append('\n'));
    }

    @Override
    public void batch(VectorSchemaRoot batch) {
        StringBuilder lines = new StringBuilder();
        for (int row = 0; row < batch.getRowCount(); row++) {
            for (int column = 0; column < columns; column++) {
                String text = ValueText.text(batch.getVector(column), row);
                if (column > 0) {
                    lines.append(separator());
                }
                if (text != null) {
                    lines.append(field(text));
                }
            }
            lines.append('\n');
        }
        out.print(lines);
    }

    @Override
    public void finish() {
        out.flush();
    }

    /** The field as written, quoted or escaped as the dialect needs. */
    String field(String text) {
        if (dialect == Dialect.TSV) {
            return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }
        boolean quote = text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private char separator() {
        return dialect == Dialect.CSV ? ',' : '\t';
    }
}
