package io.meshgate.engine.meta;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Builds a system table's schema column by column, in the types {@link SystemTable#schema()} allows. */
final class MetaColumns {
    private final List<Field> fields = new ArrayList<>();

    /** A VARCHAR that is never null (a name that identifies the row). */
    MetaColumns key(String name) {
        return add(name, ArrowType.Utf8.INSTANCE, false);
    }

    MetaColumns varchar(String name) {
        return add(name, ArrowType.Utf8.INSTANCE, true);
    }

    MetaColumns bigint(String name) {
        return add(name, new ArrowType.Int(64, true), true);
    }

    /** An INTEGER that is never null (a position). */
    MetaColumns position(String name) {
        return add(name, new ArrowType.Int(32, true), false);
    }

    MetaColumns bool(String name) {
        return add(name, ArrowType.Bool.INSTANCE, true);
    }

    MetaColumns date(String name) {
        return add(name, new ArrowType.Date(DateUnit.DAY), true);
    }

    MetaColumns timestamp(String name) {
        return add(name, new ArrowType.Timestamp(TimeUnit.MILLISECOND, null), true);
    }

    Schema schema() {
        return new Schema(fields);
    }

    private MetaColumns add(String name, ArrowType type, boolean nullable) {
        fields.add(new Field(name, new FieldType(nullable, type, null), List.of()));
        return this;
    }
}
