package io.meshgate.engine;

import io.meshgate.engine.catalog.Domain;
import io.meshgate.engine.catalog.Link;
import io.meshgate.engine.catalog.LinkOwner;
import io.meshgate.engine.catalog.MeshCatalog;
import io.meshgate.engine.catalog.ObjectName;
import io.meshgate.engine.planner.policy.PolicySqlChecker;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.HashKey;
import io.meshgate.policy.eval.PolicyEvaluator;
import io.meshgate.policy.load.PolicyLoader;
import io.meshgate.policy.model.PolicySet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * POLICY.md section 7's orders (and a small {@code items} table) in domain {@code shop}, reached
 * through resource links, under policies read from YAML by the real loader and evaluator:
 * <ul>
 * <li>{@code analytics.sales} links the schema {@code shop.sales}, owned by {@code analytics-team},
 * which the producer grants every column but {@code notes}, on rows that are not US, with the card
 * showing its last 4 digits; consumers get some columns on the link;</li>
 * <li>{@code bi.copy.orders} links {@code analytics.sales.orders} (a link to a link), owned by
 * {@code bi-team}, to which the analytics team re-grants {@code id} and {@code card} only, while
 * {@code bi-users} get every column of {@code bi.copy.orders};</li>
 * <li>{@code loop.a.t} and {@code loop.b.t} link each other; {@code broken.x.gone} links a table
 * that does not exist.</li>
 * </ul>
 * APAC rows are hidden from everyone not cleared (the analytics team is exempt), emails are hashed
 * for everyone not in privacy (the analytics team is not exempt).
 */
final class LinkedShop {
    static final String ORDERS_LINK = "analytics.sales.orders";
    static final String CARD_1 = "4111111111111111";
    static final String KEY = "linked-shop-key-long-enough";

    static final Schema ORDERS = new Schema(List.of(
            field("id", new ArrowType.Int(64, true)), field("region", ArrowType.Utf8.INSTANCE), field("email", ArrowType.Utf8.INSTANCE),
            field("card", ArrowType.Utf8.INSTANCE), field("amount", new ArrowType.Int(32, true)),
            field("day", new ArrowType.Date(DateUnit.DAY)), field("notes", ArrowType.Utf8.INSTANCE)));
    static final List<Object[]> ORDER_ROWS = List.of(
            new Object[] {1L, "EU", "ann@example.com", CARD_1, 100, 19000, "first"},
            new Object[] {2L, "US", "bob@example.org", "5500000000000004", 250, 19001, "second"},
            new Object[] {3L, "EU", "cid@example.net", "4000000000000002", 80, 19002, "third"},
            new Object[] {4L, "APAC", "dee@example.com", "3400000000000009", 300, 19003, "fourth"});
    static final Schema ITEMS = new Schema(List.of(field("item", new ArrowType.Int(64, true)), field("qty", new ArrowType.Int(32, true))));

    static final String POLICY = """
            tags:
              - {key: pii, values: [email, card]}
            assignments:
              - {on: {column: shop.sales.orders.email}, tags: {pii: email}}
            principals:
              attributes: {region: {type: varchar}}
              users:
                - {name: carol, groups: [consumers], attributes: {region: EU}}
                - {name: petra, groups: [consumers, privacy, cleared]}
                - {name: dave, groups: [bi-users]}
                - {name: olga, groups: [analytics-team]}
                - {name: direct, groups: [direct-readers]}
                - {name: looper, groups: [loopers]}
                - {name: both, groups: [consumers, direct-readers], attributes: {region: EU}}
                - {name: sneak, groups: [sneaks]}
                - {name: peek, groups: [peekers]}
            grants:
              - id: producer-to-analytics
                to: {groups: [analytics-team]}
                permissions: [SELECT]
                on: {table: shop.sales.orders}
                columns: {exclude: [notes]}
                rows: "region <> 'US'"
                masks:
                  - {columns: [card], mask: {fn: SHOW_LAST_N, n: 4}}
              - id: producer-items-to-analytics
                to: {groups: [analytics-team]}
                permissions: [SELECT]
                on: {table: shop.sales.items}
                columns: {all: true}
              - id: consumers-on-link
                to: {groups: [consumers]}
                permissions: [SELECT]
                on: {schema: analytics.sales}
                columns: {include: [id, region, email, card, amount, item, qty]}
              - id: analytics-to-bi
                to: {groups: [bi-team]}
                permissions: [SELECT]
                on: {table: analytics.sales.orders}
                columns: {include: [id, card]}
              - id: bi-users-on-copy
                to: {groups: [bi-users]}
                permissions: [SELECT]
                on: {table: bi.copy.orders}
                columns: {all: true}
              - id: direct-orders
                to: {groups: [direct-readers]}
                permissions: [SELECT]
                on: {table: shop.sales.orders}
                columns: {include: [id, notes]}
              - id: sneak-on-hidden-column
                to: {groups: [sneaks]}
                permissions: [SELECT]
                on: {table: analytics.sales.orders}
                columns: {include: [id]}
                rows: "notes = 'first'"
              - id: peek-at-raw-card
                to: {groups: [peekers]}
                permissions: [SELECT]
                on: {table: analytics.sales.orders}
                columns: {include: [id]}
                rows: "card = '4111111111111111'"
              - id: everyone-on-loops
                to: {all: true}
                permissions: [SELECT]
                on: {domain: loop}
                columns: {all: true}
            restrictions:
              - id: hide-apac
                kind: ROW_FILTER
                to: {all: true}
                except: {groups: [cleared, analytics-team]}
                on: {table: shop.sales.orders}
                rows: "region <> 'APAC'"
              - id: hash-emails
                kind: COLUMN_MASK
                to: {all: true}
                except: {groups: [privacy]}
                columns: {match: {key: pii, in: [email]}}
                mask: {fn: HASH}
            """;

    final InMemoryConnector connector;
    final MeshCatalog catalog;
    final Governance governance;
    final QueryEngine engine;

    LinkedShop(BufferAllocator allocator, Path policyDirectory) {
        this(allocator, policyDirectory, POLICY);
    }

    LinkedShop(BufferAllocator allocator, Path policyDirectory, String policy) {
        connector = new InMemoryConnector(Map.of("sales", Map.of(
                "orders", new InMemoryConnector.Table(ORDERS, ORDER_ROWS, Optional.of("orders-uuid-1")),
                "items", new InMemoryConnector.Table(ITEMS, List.<Object[]>of(new Object[] {10L, 2}), Optional.of("items-uuid-1")))), 2);
        catalog = new MeshCatalog(List.of(new Domain("shop", connector, List.of())), links());
        governance = new Governance(new PolicyEvaluator(policySet(policyDirectory, policy)), HashKey.of(KEY));
        engine = new QueryEngine(catalog, allocator, governance);
    }

    static List<Link> links() {
        return List.of(
                new Link(ObjectName.parse("analytics.sales"), ObjectName.parse("shop.sales"), new LinkOwner(Optional.empty(), Set.of("analytics-team"))),
                new Link(ObjectName.parse("bi.copy.orders"), ObjectName.parse("analytics.sales.orders"), new LinkOwner(Optional.empty(), Set.of("bi-team"))),
                new Link(ObjectName.parse("loop.a.t"), ObjectName.parse("loop.b.t"), new LinkOwner(Optional.empty(), Set.of("loopers"))),
                new Link(ObjectName.parse("loop.b.t"), ObjectName.parse("loop.a.t"), new LinkOwner(Optional.empty(), Set.of("loopers"))),
                new Link(ObjectName.parse("broken.x.gone"), ObjectName.parse("shop.sales.nope"), new LinkOwner(Optional.empty(), Set.of("analytics-team"))));
    }

    static PolicySet policySet(Path directory, String policy) {
        try {
            Files.writeString(directory.resolve("policy.yaml"), policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PolicyLoader.load(directory, new PolicySqlChecker());
    }

    List<List<Object>> run(String user, String sql) {
        return Rows.run(engine, Session.of(io.meshgate.policy.Principal.of(user)), sql);
    }

    private static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }
}
