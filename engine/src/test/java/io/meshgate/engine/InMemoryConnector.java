package io.meshgate.engine;

import static java.util.Objects.requireNonNull;

import io.meshgate.spi.BatchStream;
import io.meshgate.spi.Connector;
import io.meshgate.spi.ScanSpec;
import io.meshgate.spi.SchemaTableName;
import io.meshgate.spi.TableMetadata;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A test connector over rows held in memory: each scan builds Arrow batches of {@code batchRows}
 * rows in the scan's allocator, reading only the requested columns. It counts the batches it
 * produced, the scans left open and the scans asked to cancel, and remembers the last spec it was asked for.
 * Tables can be dropped and created while it serves ({@link #drop}, {@link #create}).
 */
final class InMemoryConnector implements Connector {
    /**
     * One table: its Arrow schema and rows (Long, Integer, Double, BigDecimal, String, Integer epoch
     * days for DATE, Object[] of the fields for a struct), its UUID (by default its name), its table
     * properties, and when its one snapshot was committed (epoch milliseconds), if that is known.
     */
    record Table(Schema schema, List<Object[]> rows, Optional<String> uuid, Map<String, String> properties, OptionalLong committedMillis) {
        Table(Schema schema, List<Object[]> rows) {
            this(schema, rows, Optional.empty(), Map.of(), OptionalLong.empty());
        }

        Table(Schema schema, List<Object[]> rows, Optional<String> uuid) {
            this(schema, rows, uuid, Map.of(), OptionalLong.empty());
        }

        Table(Schema schema, List<Object[]> rows, Map<String, String> properties, OptionalLong committedMillis) {
            this(schema, rows, Optional.empty(), properties, committedMillis);
        }
    }

    private final Map<String, Map<String, Table>> namespaces;
    private final int batchRows;
    final AtomicInteger batchesProduced = new AtomicInteger();
    final AtomicInteger openScans = new AtomicInteger();
    final AtomicInteger scansCancelled = new AtomicInteger();
    volatile ScanSpec lastSpec;

    InMemoryConnector(Map<String, Map<String, Table>> namespaces, int batchRows) {
        this.namespaces = new ConcurrentSkipListMap<>();
        requireNonNull(namespaces, "namespaces is null").forEach((name, tables) -> this.namespaces.put(name, new ConcurrentSkipListMap<>(tables)));
        this.batchRows = batchRows;
    }

    void drop(String namespace, String table) {
        namespaces.get(namespace).remove(table);
    }

    /** Creates (or replaces) a table, which gets the UUID {@code uuid}. */
    void create(String namespace, String name, Schema schema, List<Object[]> rows, String uuid) {
        namespaces.computeIfAbsent(namespace, n -> new ConcurrentSkipListMap<>()).put(name, new Table(schema, rows, Optional.of(uuid)));
    }

    @Override
    public List<String> schemaNames() {
        return List.copyOf(namespaces.keySet());
    }

    @Override
    public List<String> tableNames(String schema) {
        return namespaces.getOrDefault(schema, Map.of()).keySet().stream().sorted().toList();
    }

    @Override
    public Optional<TableMetadata> table(SchemaTableName name) {
        Table table = namespaces.getOrDefault(name.schema(), Map.of()).get(name.table());
        return Optional.ofNullable(table).map(t -> new TableMetadata(name, t.uuid().orElse(name.toString()), OptionalLong.of(1), t.committedMillis(),
                OptionalLong.of(t.rows().size()), t.schema(), List.of(), t.properties()));
    }

    @Override
    public BatchStream scan(TableMetadata metadata, ScanSpec spec, BufferAllocator allocator) {
        lastSpec = spec;
        Table table = namespaces.get(metadata.name().schema()).get(metadata.name().table());
        List<Field> fields = new ArrayList<>();
        int[] positions = new int[spec.columns().size()];
        for (int i = 0; i < positions.length; i++) {
            Field field = table.schema().findField(spec.columns().get(i));
            fields.add(field);
            positions[i] = table.schema().getFields().indexOf(field);
        }
        long limit = spec.limit().orElse(Long.MAX_VALUE);
        int end = (int) Math.min(table.rows().size(), limit);
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
        openScans.incrementAndGet();
        return new BatchStream() {
            private int next;
            private boolean closed;

            @Override
            public boolean next() {
                if (next >= end) {
                    return false;
                }
                int count = Math.min(batchRows, end - next);
                root.allocateNew();
                for (int c = 0; c < positions.length; c++) {
                    FieldVector vector = root.getVector(c);
                    for (int r = 0; r < count; r++) {
                        set(vector, r, table.rows().get(next + r)[positions[c]]);
                    }
                }
                root.setRowCount(count);
                next += count;
                batchesProduced.incrementAndGet();
                return true;
            }

            @Override
            public VectorSchemaRoot current() {
                return root;
            }

            @Override
            public void cancel() {
                scansCancelled.incrementAndGet();
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    openScans.decrementAndGet();
                    root.close();
                }
            }
        };
    }

    private static void set(FieldVector vector, int row, Object value) {
        if (vector instanceof StructVector v) {
            setStruct(v, row, (Object[]) value);
        } else if (value == null) {
            vector.setNull(row);
        } else if (vector instanceof BigIntVector v) {
            v.setSafe(row, (Long) value);
        } else if (vector instanceof IntVector v) {
            v.setSafe(row, (Integer) value);
        } else if (vector instanceof DateDayVector v) {
            v.setSafe(row, (Integer) value);
        } else if (vector instanceof DecimalVector v) {
            v.setSafe(row, (BigDecimal) value);
        } else if (vector instanceof VarCharVector v) {
            v.setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
        } else if (vector instanceof Float8Vector v) {
            v.setSafe(row, (Double) value);
        } else {
            throw new IllegalArgumentException("Cannot set value in " + vector.getField());
        }
    }

    /** A struct value is the Object[] of its fields; a NULL struct gets NULL fields. */
    private static void setStruct(StructVector vector, int row, Object[] value) {
        if (value == null) {
            vector.setNull(row);
        } else {
            vector.setIndexDefined(row);
        }
        List<FieldVector> children = vector.getChildrenFromFields();
        for (int i = 0; i < children.size(); i++) {
            set(children.get(i), row, value == null ? null : value[i]);
        }
    }

    @Override
    public void close() {
    }
}
