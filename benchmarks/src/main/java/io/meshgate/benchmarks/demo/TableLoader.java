package io.meshgate.benchmarks.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;

/**
 * Streams rows into an Iceberg table and commits them as one append.
 *
 * <p>An unpartitioned table is written in one pass. A partitioned table is written in passes over
 * the rows, each pass writing at most {@code openPartitionsPerPass} partitions (the first ones it
 * meets that earlier passes did not write) and skipping the rest, so that only that many files are
 * open and buffered at once however the rows are ordered. Every partition is thus written in one
 * pass and ends up in as few files as the file size allows.
 */
final class TableLoader {
    private final long rowsPerFile;
    private final int openPartitionsPerPass;

    TableLoader(long rowsPerFile, int openPartitionsPerPass) {
        if (rowsPerFile <= 0) {
            throw new IllegalArgumentException("Cannot load tables: rowsPerFile must be positive, got " + rowsPerFile);
        }
        if (openPartitionsPerPass <= 0) {
            throw new IllegalArgumentException("Cannot load tables: openPartitionsPerPass must be positive, got " + openPartitionsPerPass);
        }
        this.rowsPerFile = rowsPerFile;
        this.openPartitionsPerPass = openPartitionsPerPass;
    }

    /**
     * Writes {@code rows} (iterated once per pass; each iteration must yield the same rows) and
     * commits them. Returns the number of rows written.
     */
    long load(Table table, Iterable<Record> rows) {
        AtomicInteger fileNumbers = new AtomicInteger();
        List<DataFile> files = table.spec().isUnpartitioned()
                ? writeUnpartitioned(table, rows, fileNumbers)
                : writePartitioned(table, rows, fileNumbers);
        AppendFiles append = table.newAppend();
        files.forEach(append::appendFile);
        append.commit();
        return files.stream().mapToLong(DataFile::recordCount).sum();
    }

    private List<DataFile> writeUnpartitioned(Table table, Iterable<Record> rows, AtomicInteger fileNumbers) {
        RollingFileWriter writer = new RollingFileWriter(table, Optional.empty(), rowsPerFile, fileNumbers::getAndIncrement);
        try {
            for (Record row : rows) {
                writer.write(row);
            }
        } finally {
            writer.close();
        }
        return writer.files();
    }

    private List<DataFile> writePartitioned(Table table, Iterable<Record> rows, AtomicInteger fileNumbers) {
        List<DataFile> files = new ArrayList<>();
        Set<PartitionKey> written = new HashSet<>();
        boolean partitionsLeft = true;
        while (partitionsLeft) {
            partitionsLeft = false;
            PartitionKey key = new PartitionKey(table.spec(), table.schema());
            InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
            Map<PartitionKey, RollingFileWriter> open = new LinkedHashMap<>();
            try {
                for (Record row : rows) {
                    key.partition(wrapper.wrap(row));
                    RollingFileWriter writer = open.get(key);
                    if (writer == null) {
                        if (written.contains(key)) {
                            continue;
                        }
                        if (open.size() == openPartitionsPerPass) {
                            partitionsLeft = true;
                            continue;
                        }
                        PartitionKey partition = key.copy();
                        writer = new RollingFileWriter(table, Optional.of(partition), rowsPerFile, fileNumbers::getAndIncrement);
                        open.put(partition, writer);
                    }
                    writer.write(row);
                }
            } finally {
                open.values().forEach(RollingFileWriter::close);
            }
            open.values().forEach(writer -> files.addAll(writer.files()));
            written.addAll(open.keySet());
        }
        return files;
    }
}
