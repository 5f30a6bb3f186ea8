package io.meshgate.server.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FormattersTest {
    private static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("id", new ArrowType.Int(64, true)),
            Field.nullable("name", ArrowType.Utf8.INSTANCE),
            Field.nullable("price", new ArrowType.Decimal(12, 2, 128))));
    private static final String AWKWARD = "Bob, \"the\" builder\nJr";

    private final BufferAllocator allocator = new RootAllocator();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void alignedPadsColumnsRightAlignsNumbersAndCountsRows() {
        write(new AlignedFormatter(out, AlignedFormatter.SIZING_ROWS),
                new Object[] {1L, "Alice", "1234.50"}, new Object[] {22L, "Bob", "7.00"}, new Object[] {null, null, "0.05"});
        assertEquals("""
                  id  | name  |  price
                ------+-------+---------
                    1 | Alice | 1234.50
                   22 | Bob   |    7.00
                 NULL | NULL  |    0.05
                (3 rows)
                """, printed());
    }

    @Test
    void alignedShowsLineBreaksAsEscapesAndSaysOneRow() {
        write(new AlignedFormatter(out, AlignedFormatter.SIZING_ROWS), new Object[] {5L, "a\tb\nc", null});
        assertEquals("""
                 id |  name   | price
                ----+---------+-------
                  5 | a\\tb\\nc |  NULL
                (1 row)
                """, printed());
    }

    @Test
    void alignedSizesColumnsOnTheFirstRowsAndStreamsTheRest() {
        AlignedFormatter formatter = new AlignedFormatter(out, 1);
        formatter.start(SCHEMA);
        batch(formatter, new Object[] {1L, "a", "1.00"});
        assertTrue(printed().startsWith(" id | name | price\n"), "header printed once the sizing rows are in: " + printed());
        batch(formatter, new Object[] {2L, "longer", "10.00"});
        formatter.finish();
        assertEquals("""
                 id | name | price
                ----+------+-------
                  1 | a    |  1.00
                  2 | longer | 10.00
                (2 rows)
                """, printed());
    }

    @Test
    void emptyResultsStillHaveAHeaderAndACount() {
        write(new AlignedFormatter(out, AlignedFormatter.SIZING_ROWS));
        assertEquals(" id | name | price\n----+------+-------\n(0 rows)\n", printed());
    }

    @Test
    void expandedPrintsOneLinePerColumn() {
        write(new ExpandedFormatter(out), new Object[] {1L, "Alice", null});
        assertEquals("""
                -[ RECORD 1 ]+----------
                id    | 1
                name  | Alice
                price | NULL
                (1 row)
                """, printed());
    }

    @Test
    void csvQuotesFieldsThatNeedItAndTellsNullFromEmpty() {
        write(new DelimitedFormatter(out, DelimitedFormatter.Dialect.CSV),
                new Object[] {1L, "Alice", "1234.50"}, new Object[] {22L, AWKWARD, null}, new Object[] {null, "", "0.05"});
        assertEquals("id,name,price\n1,Alice,1234.50\n22,\"Bob, \"\"the\"\" builder\nJr\",\n,\"\",0.05\n", printed());
    }

    @Test
    void tsvEscapesTabsLineBreaksAndBackslashes() {
        write(new DelimitedFormatter(out, DelimitedFormatter.Dialect.TSV),
                new Object[] {22L, AWKWARD + "\t\\", null}, new Object[] {null, "", "0.05"});
        assertEquals("id\tname\tprice\n22\tBob, \"the\" builder\\nJr\\t\\\\\t\n\t\t0.05\n", printed());
    }

    @Test
    void jsonLinesKeepNumbersBareAndDecimalsExact() {
        write(new JsonLinesFormatter(out), new Object[] {22L, AWKWARD, "1234.50"}, new Object[] {null, "", null});
        assertEquals("{\"id\": 22, \"name\": \"Bob, \\\"the\\\" builder\\nJr\", \"price\": 1234.50}\n"
                + "{\"id\": null, \"name\": \"\", \"price\": null}\n", printed());
    }

    private void write(ResultFormatter formatter, Object[]... rows) {
        formatter.start(SCHEMA);
        batch(formatter, rows);
        formatter.finish();
    }

    private void batch(ResultFormatter formatter, Object[]... rows) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
            root.allocateNew();
            BigIntVector ids = (BigIntVector) root.getVector("id");
            VarCharVector names = (VarCharVector) root.getVector("name");
            DecimalVector prices = (DecimalVector) root.getVector("price");
            for (int row = 0; row < rows.length; row++) {
                if (rows[row][0] == null) {
                    ids.setNull(row);
                } else {
                    ids.setSafe(row, (Long) rows[row][0]);
                }
                if (rows[row][1] == null) {
                    names.setNull(row);
                } else {
                    names.setSafe(row, ((String) rows[row][1]).getBytes(StandardCharsets.UTF_8));
                }
                if (rows[row][2] == null) {
                    prices.setNull(row);
                } else {
                    prices.setSafe(row, new BigDecimal((String) rows[row][2]));
                }
            }
            root.setRowCount(rows.length);
            formatter.batch(root);
        }
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
