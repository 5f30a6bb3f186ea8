package io.meshgate.engine.types;

import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The planner's type factory: Meshgate's type system, and every struct (ROW) value held as the
 * {@code Object[]} of its fields in generated code. That is what scans, Calcite's field access and
 * its ROW constructor already use; Calcite's default, a record class generated per ROW type, is
 * declared by CASE, CAST and NULL literals of a struct type, and cannot be generated for a struct
 * inside a struct. Plans are compiled with {@code Prefer.ARRAY}, so no operator Meshgate plans keeps
 * its rows in such a record class (Calcite's window operator would, for its partition keys: enabling
 * window functions needs a look here first).
 *
 * <p>Character types are UTF-8 (Calcite's default is ISO-8859-1), so that a literal such as
 * {@code 'Grüße, 世界'} can be compared with text columns, which hold any Unicode text.
 */
public final class MeshJavaTypeFactory extends JavaTypeFactoryImpl {
    public MeshJavaTypeFactory() {
        super(MeshTypeSystem.INSTANCE);
    }

    @Override
    public Charset getDefaultCharset() {
        return StandardCharsets.UTF_8;
    }

    @Override
    public Type getJavaClass(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.ROW ? Object[].class : super.getJavaClass(type);
    }
}
