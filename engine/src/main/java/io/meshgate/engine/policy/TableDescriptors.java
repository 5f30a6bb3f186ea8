package io.meshgate.engine.policy;

import io.meshgate.policy.eval.ColumnDescriptor;
import io.meshgate.policy.eval.ColumnKind;
import io.meshgate.policy.eval.TableDescriptor;
import io.meshgate.spi.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Describes a connector's table in the policy module's terms: names, field ids, column kinds. */
public final class TableDescriptors {
    private TableDescriptors() {
    }

    public static TableDescriptor of(String domain, String schema, String name, TableMetadata metadata) {
        List<ColumnDescriptor> columns = new ArrayList<>();
        List<Field> fields = metadata.schema().getFields();
        for (int i = 0; i < fields.size(); i++) {
            columns.add(new ColumnDescriptor(fields.get(i).getName(), metadata.fieldId(i), kind(fields.get(i).getType())));
        }
        String version = metadata.snapshotId().isPresent() ? Long.toString(metadata.snapshotId().getAsLong()) : "-";
        return new TableDescriptor(domain, schema, name, metadata.uuid(), version + "/" + metadata.schema().hashCode(), columns);
    }

    static ColumnKind kind(ArrowType type) {
        return switch (type.getTypeID()) {
            case Utf8, LargeUtf8, Utf8View -> ColumnKind.STRING;
            case Int, FloatingPoint, Decimal -> ColumnKind.NUMERIC;
            case Date -> ColumnKind.DATE;
            case Timestamp -> ColumnKind.TIMESTAMP;
            case Bool -> ColumnKind.BOOLEAN;
            case Binary, LargeBinary, FixedSizeBinary, BinaryView -> ColumnKind.BINARY;
            case List, LargeList, FixedSizeList, Struct, Map, ListView, LargeListView -> ColumnKind.NESTED;
            default -> ColumnKind.OTHER;
        };
    }
}
