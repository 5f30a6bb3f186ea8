package io.meshgate.engine;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A table with struct columns, in memory: {@code shop.crm.customers(id, region, address, account)}
 * where {@code address} is {@code struct<city, zip, geo struct<lat, lon>>} and {@code account} a
 * required {@code struct<tier>}. Row 1 (EU, Lyon, gold), row 2 (US, Austin, no geo, silver),
 * row 3 (EU, no address, silver), row 4 (APAC, Osaka, no zip, gold).
 */
final class CustomerAddresses {
    static final String TABLE = "shop.crm.customers";

    final InMemoryConnector connector;
    final MeshCatalog catalog;

    CustomerAddresses() {
        ArrowType dbl = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        Field geo = struct("geo", true, field("lat", dbl), field("lon", dbl));
        Field address = struct("address", true, field("city", ArrowType.Utf8.INSTANCE), field("zip", ArrowType.Utf8.INSTANCE), geo);
        Field account = struct("account", false, field("tier", ArrowType.Utf8.INSTANCE));
        Schema schema = new Schema(List.of(field("id", new ArrowType.Int(64, true)), field("region", ArrowType.Utf8.INSTANCE), address, account));
        List<Object[]> rows = List.of(
                new Object[] {1L, "EU", new Object[] {"Lyon", "69001", new Object[] {45.76, 4.84}}, new Object[] {"gold"}},
                new Object[] {2L, "US", new Object[] {"Austin", "78701", null}, new Object[] {"silver"}},
                new Object[] {3L, "EU", null, new Object[] {"silver"}},
                new Object[] {4L, "APAC", new Object[] {"Osaka", null, new Object[] {34.69, 135.5}}, new Object[] {"gold"}});
        connector = new InMemoryConnector(Map.of("crm", Map.of("customers", new InMemoryConnector.Table(schema, rows))), 3);
        catalog = new MeshCatalog(List.of(new Domain("shop", connector, List.of())));
    }

    private static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    private static Field struct(String name, boolean nullable, Field... children) {
        return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), List.of(children));
    }
}
