package io.meshgate.engine;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.MeshCatalog;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * POLICY.md section 7's table {@code shop.sales.orders(id, region, email, card, amount, day, notes)}
 * with its four rows (1 EU, 2 US, 3 EU, 4 APAC), in memory. Row 2's amount is 250, so a predicate
 * dividing by {@code amount - 250} fails on it and only on it.
 */
final class SectionSevenOrders {
    static final String TABLE = "shop.sales.orders";
    static final String CARD_1 = "4111111111111111";

    final InMemoryConnector connector;
    final MeshCatalog catalog;

    SectionSevenOrders() {
        Schema schema = new Schema(List.of(
                field("id", new ArrowType.Int(64, true)), field("region", ArrowType.Utf8.INSTANCE), field("email", ArrowType.Utf8.INSTANCE),
                field("card", ArrowType.Utf8.INSTANCE), field("amount", new ArrowType.Int(32, true)),
                field("day", new ArrowType.Date(DateUnit.DAY)), field("notes", ArrowType.Utf8.INSTANCE)));
        List<Object[]> rows = List.of(
                new Object[] {1L, "EU", "ann@example.com", CARD_1, 100, 19000, "first"},
                new Object[] {2L, "US", "bob@example.org", "5500000000000004", 250, 19001, "second"},
                new Object[] {3L, "EU", "cid@example.net", "4000000000000002", 80, 19002, "third"},
                new Object[] {4L, "APAC", "dee@example.com", "3400000000000009", 300, 19003, "fourth"});
        connector = new InMemoryConnector(Map.of("sales", Map.of("orders", new InMemoryConnector.Table(schema, rows))), 2);
        catalog = new MeshCatalog(List.of(new Domain("shop", connector, List.of())));
    }

    private static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }
}
