package io.meshgate.server.shell;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * psql-style table: a centred header, a {@code ---+---} rule, one line per row with numbers flush
 * right, NULL as {@code NULL}, line breaks and tabs in values shown as {@code \n}, {@code \r} and
 * {@code \t}, and {@code (n rows)} at the end.
 *
 * <p>Results stream: the column widths are those of the header and the first {@code sizingRows}
 * rows, which are held back until then; a longer value in a later row is printed whole and pushes
 * the rest of its line to the right. Memory stays bounded whatever the row count.
 */
final class AlignedFormatter implements ResultFormatter {
    static final int SIZING_ROWS = 1000;
    static final String NULL = "NULL";

    private final PrintStream out;
    private final int sizingRows;
    private final List<String[]> heldBack = new ArrayList<>();
    private List<Field> fields = List.of();
    private int[] widths;
    private long rows;

    AlignedFormatter(PrintStream out, int sizingRows) {
        this.out = requireNonNull(out, "out is null");
        if (sizingRows < 1) {
            throw new IllegalArgumentException("sizingRows must be at least 1, got " + sizingRows);
        }
        this.sizingRows = sizingRows;
    }

    @Override
    public void start(Schema schema) {
        fields = schema.getFields();
    }

    @Override
    public void batch(VectorSchemaRoot batch) {
        for (int row = 0; row < batch.getRowCount(); row++) {
            String[] cells = new String[fields.size()];
            for (int column = 0; column < cells.length; column++) {
                String text = ValueText.text(batch.getVector(column), row);
                cells[column] = text == null ? NULL : oneLine(text);
            }
            rows++;
            if (widths != null) {
                printRow(cells);
            } else {
                heldBack.add(cells);
                if (heldBack.size() >= sizingRows) {
                    release();
                }
            }
        }
    }

    @Override
    public void finish() {
        if (widths == null) {
            release();
        }
        out.println(rows == 1 ? "(1 row)" : "(" + rows + " rows)");
        out.flush();
    }

    /** Line breaks and tabs as escapes, so that each row stays one line. */
    static String oneLine(String text) {
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0) {
            return text;
        }
        return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private void release() {
        widths = new int[fields.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = length(fields.get(column).getName());
        }
        for (String[] cells : heldBack) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], length(cells[column]));
            }
        }
        printHeader();
        heldBack.forEach(this::printRow);
        heldBack.clear();
    }

    private void printHeader() {
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            String name = fields.get(column).getName();
            int padding = widths[column] - length(name);
            header.append(column == 0 ? " " : " | ").append(" ".repeat(padding / 2)).append(name);
            if (column < widths.length - 1) {
                header.append(" ".repeat(padding - padding / 2));
            }
            rule.append(column == 0 ? "" : "+").append("-".repeat(widths[column] + 2));
        }
        out.println(header.toString().stripTrailing());
        out.println(rule);
    }

    private void printRow(String[] cells) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.length; column++) {
            String padding = " ".repeat(Math.max(0, widths[column] - length(cells[column])));
            line.append(column == 0 ? " " : " | ");
            if (ValueText.isNumeric(fields.get(column))) {
                line.append(padding).append(cells[column]);
            } else {
                line.append(cells[column]).append(column < cells.length - 1 ? padding : "");
            }
        }
        out.println(line);
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
