package io.meshgate.benchmarks.demo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;

/**
 * Writes the rows of one partition (or of an unpartitioned table) to Parquet data files with the
 * table's write properties, starting a new file every {@code rowsPerFile} rows. The table's
 * warehouse must be local.
 */
final class RollingFileWriter implements AutoCloseable {
    private final Table table;
    private final Optional<PartitionKey> partition;
    private final long rowsPerFile;
    private final IntSupplier fileNumbers;
    private final List<DataFile> files = new ArrayList<>();
    private DataWriter<Record> current;
    private long rowsInCurrent;

    /**
     * @param partition   the partition every row belongs to, empty for an unpartitioned table
     * @param fileNumbers the next number for a file name, unique within the table
     */
    RollingFileWriter(Table table, Optional<PartitionKey> partition, long rowsPerFile, IntSupplier fileNumbers) {
        this.table = requireNonNull(table, "table is null");
        this.partition = requireNonNull(partition, "partition is null");
        this.fileNumbers = requireNonNull(fileNumbers, "fileNumbers is null");
        if (rowsPerFile <= 0) {
            throw new IllegalArgumentException("Cannot roll data files: rowsPerFile must be positive, got " + rowsPerFile);
        }
        this.rowsPerFile = rowsPerFile;
    }

    void write(Record record) {
        if (current == null) {
            current = open();
            rowsInCurrent = 0;
        }
        current.write(record);
        rowsInCurrent++;
        if (rowsInCurrent == rowsPerFile) {
            closeCurrent();
        }
    }

    /** The files completed so far; all of them once closed. */
    List<DataFile> files() {
        return List.copyOf(files);
    }

    @Override
    public void close() {
        closeCurrent();
    }

    private DataWriter<Record> open() {
        String fileName = FileFormat.PARQUET.addExtension(String.format("%05d", fileNumbers.getAsInt()));
        String location = partition
                .map(key -> table.locationProvider().newDataLocation(table.spec(), key, fileName))
                .orElseGet(() -> table.locationProvider().newDataLocation(fileName));
        OutputFile output = LocalOutputFile.at(location);
        Parquet.DataWriteBuilder builder = Parquet.writeData(output)
                .forTable(table)
                .setAll(table.properties())
                .createWriterFunc(GenericParquetWriter::create)
                .overwrite();
        partition.ifPresent(builder::withPartition);
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open data file " + location, e);
        }
    }

    private void closeCurrent() {
        if (current == null) {
            return;
        }
        try {
            current.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close data file of table " + table.name(), e);
        }
        files.add(current.toDataFile());
        current = null;
    }
}
