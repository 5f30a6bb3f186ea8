package io.meshgate.connector.iceberg;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/**
 * Test fixture: a small orders table in TPC-H's shape, partitioned by {@code month(o_orderdate)},
 * whose rows are a pure function of the order key: order {@code k} (1-based) is dated
 * {@code 2024-01-01 + (k - 1) % 120 days}, so {@code n} orders spread over four months.
 */
public final class SampleOrders {
    public static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "o_orderkey", Types.LongType.get()),
            Types.NestedField.required(2, "o_custkey", Types.IntegerType.get()),
            Types.NestedField.required(3, "o_orderstatus", Types.StringType.get()),
            Types.NestedField.required(4, "o_totalprice", Types.DecimalType.of(12, 2)),
            Types.NestedField.required(5, "o_orderdate", Types.DateType.get()),
            Types.NestedField.optional(6, "o_comment", Types.StringType.get()));
    public static final PartitionSpec SPEC = PartitionSpec.builderFor(SCHEMA).month("o_orderdate").build();
    public static final LocalDate FIRST_DATE = LocalDate.of(2024, 1, 1);

    private SampleOrders() {
    }

    /** Creates the table (format version 2, zstd Parquet) and appends orders 1 to {@code count}. */
    public static Table create(Catalog catalog, TableIdentifier id, int count) {
        Table table = IcebergTestTables.create(catalog, id, SCHEMA, SPEC,
                Map.of("format-version", "2", "write.parquet.compression-codec", "zstd"));
        IcebergTestTables.append(table, records(1, count));
        return table;
    }

    /** Orders {@code from} to {@code to}, both included. */
    public static List<Record> records(long from, long to) {
        List<Record> records = new ArrayList<>();
        for (long key = from; key <= to; key++) {
            GenericRecord record = GenericRecord.create(SCHEMA);
            record.setField("o_orderkey", key);
            record.setField("o_custkey", custkey(key));
            record.setField("o_orderstatus", status(key));
            record.setField("o_totalprice", totalprice(key));
            record.setField("o_orderdate", orderdate(key));
            record.setField("o_comment", key % 5 == 0 ? null : "order " + key);
            records.add(record);
        }
        return records;
    }

    public static int custkey(long key) {
        return (int) (key % 7) + 1;
    }

    public static String status(long key) {
        return switch ((int) (key % 3)) {
            case 0 -> "F";
            case 1 -> "O";
            default -> "P";
        };
    }

    public static BigDecimal totalprice(long key) {
        return BigDecimal.valueOf(key * 1001 + 50, 2);
    }

    public static LocalDate orderdate(long key) {
        return FIRST_DATE.plusDays((key - 1) % 120);
    }
}
