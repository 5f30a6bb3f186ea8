package io.meshgate.connector.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;

/**
 * Test fixture: creates Iceberg tables and appends generic records to them as Parquet data files
 * written with the table's properties (one file per partition and call).
 */
public final class IcebergTestTables {
    private IcebergTestTables() {
    }

    /** Creates {@code id}, creating its namespace first when the catalog has none of that name. */
    public static Table create(Catalog catalog, TableIdentifier id, Schema schema, PartitionSpec spec, Map<String, String> properties) {
        if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(id.namespace())) {
            namespaces.createNamespace(id.namespace());
        }
        return catalog.createTable(id, schema, spec, properties);
    }

    /** Appends {@code records} in one commit, one data file per partition; returns the files. */
    public static List<DataFile> append(Table table, List<Record> records) {
        Map<StructLike, List<Record>> byPartition = new LinkedHashMap<>();
        PartitionKey key = new PartitionKey(table.spec(), table.schema());
        InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
        for (Record record : records) {
            key.partition(wrapper.wrap(record));
            byPartition.computeIfAbsent(key.copy(), k -> new ArrayList<>()).add(record);
        }
        List<DataFile> files = new ArrayList<>();
        AppendFiles append = table.newAppend();
        byPartition.forEach((partition, rows) -> {
            DataFile file = writeDataFile(table, partition, rows);
            files.add(file);
            append.appendFile(file);
        });
        append.commit();
        return files;
    }

    /** Deletes rows of {@code file} by position (format version 2), in one commit. */
    public static void deletePositions(Table table, DataFile file, long... positions) {
        OutputFile output = table.io().newOutputFile(
                table.locationProvider().newDataLocation(table.spec(), file.partition(), UUID.randomUUID() + "-deletes.parquet"));
        try {
            PositionDeleteWriter<Record> writer = Parquet.writeDeletes(output)
                    .setAll(table.properties())
                    .withSpec(table.spec())
                    .withPartition(file.partition())
                    .overwrite()
                    .buildPositionWriter();
            try (writer) {
                for (long position : positions) {
                    writer.write(PositionDelete.<Record>create().set(file.location(), position));
                }
            }
            table.newRowDelta().addDeletes(writer.toDeleteFile()).commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one Parquet data file of {@code partition} (records must all belong to it). */
    public static DataFile writeDataFile(Table table, StructLike partition, List<Record> records) {
        String fileName = UUID.randomUUID() + ".parquet";
        String location = table.spec().isUnpartitioned()
                ? table.locationProvider().newDataLocation(fileName)
                : table.locationProvider().newDataLocation(table.spec(), partition, fileName);
        OutputFile output = table.io().newOutputFile(location);
        try {
            DataWriter<Record> writer = Parquet.writeData(output)
                    .schema(table.schema())
                    .createWriterFunc(GenericParquetWriter::create)
                    .setAll(table.properties())
                    .overwrite()
                    .withSpec(table.spec())
                    .withPartition(table.spec().isUnpartitioned() ? null : partition)
                    .build();
            try (writer) {
                records.forEach(writer::write);
            }
            return writer.toDataFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
