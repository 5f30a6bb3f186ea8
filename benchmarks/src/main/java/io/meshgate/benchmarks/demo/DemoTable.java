package io.meshgate.benchmarks.demo;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * A table of the demo mesh: where it lives, what it says about itself as a data product, its
 * columns, how it is partitioned, and the TPC-H generator its rows come from.
 *
 * @param freshnessSla   how old its data may get, as a product property writes it ({@code 24h})
 * @param version        its version as a data product
 * @param monthPartition the date column whose month partitions the table, if any
 * @param generator      the TPC-H generator's rows at a scale factor
 */
record DemoTable<T>(
        DemoDomain domain,
        String name,
        String description,
        String freshnessSla,
        String version,
        List<DemoColumn<T>> columns,
        Optional<String> monthPartition,
        DoubleFunction<Iterable<T>> generator) {
    DemoTable {
        requireNonNull(domain, "domain is null");
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(freshnessSla, "freshnessSla is null");
        requireNonNull(version, "version is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(monthPartition, "monthPartition is null");
        requireNonNull(generator, "generator is null");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Cannot define demo table " + name + ": no columns");
        }
        if (monthPartition.isPresent() && !hasDateColumn(columns, monthPartition.get())) {
            throw new IllegalArgumentException("Cannot partition demo table " + name + " by month of "
                    + monthPartition.get() + ": not one of its date columns");
        }
    }

    /** The schema with every column required, since TPC-H has no nulls. */
    Schema schema() {
        List<Types.NestedField> fields = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            DemoColumn<T> column = columns.get(i);
            fields.add(Types.NestedField.required(i + 1, column.name(), column.type()));
        }
        return new Schema(fields);
    }

    PartitionSpec partitionSpec(Schema schema) {
        return monthPartition
                .map(column -> PartitionSpec.builderFor(schema).month(column).build())
                .orElseGet(PartitionSpec::unpartitioned);
    }

    /**
     * The generator's rows as records of {@code schema}, produced one at a time while iterating.
     * Each iterator reuses one record: a caller that keeps records must copy them.
     */
    Iterable<Record> records(double scaleFactor, Schema schema) {
        Iterable<T> rows = generator.apply(scaleFactor);
        return () -> new Iterator<>() {
            private final Iterator<T> source = rows.iterator();
            private final Record record = GenericRecord.create(schema);

            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Record next() {
                T row = source.next();
                for (int i = 0; i < columns.size(); i++) {
                    record.set(i, columns.get(i).value().apply(row));
                }
                return record;
            }
        };
    }

    private static boolean hasDateColumn(List<? extends DemoColumn<?>> columns, String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name) && c.type().typeId() == Type.TypeID.DATE);
    }

    String qualifiedName() {
        return domain.domainName() + "." + domain.schema() + "." + name;
    }
}
