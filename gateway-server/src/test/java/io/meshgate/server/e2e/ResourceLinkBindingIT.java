package io.meshgate.server.e2e;

import static io.meshgate.server.e2e.GovernedShop.code;
import static io.meshgate.server.e2e.GovernedShop.fullMessage;
import static io.meshgate.server.e2e.ResourceLinksIT.LINK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.connector.iceberg.IcebergTestTables;
import io.meshgate.server.config.ConfigException;
import io.meshgate.server.testing.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * POLICY.md section 4 end to end, on servers of their own: a link bound to a table that is
 * dropped and re-created is DANGLING (a missing table to users, a status to its owner) and does
 * not follow the new table until the links are bound again (case 13); a set of policy files with
 * a re-grant that exceeds its grantor keeps the server from starting (GRANT_EXCEEDS_GRANTOR).
 */
class ResourceLinkBindingIT {
    @RegisterExtension
    static final GovernedShop.Fixture SHOP = new GovernedShop.Fixture(ResourceLinksIT.ADDITIONS);

    @Test
    void case13ALinkWhoseTargetWasDroppedAndRecreatedDoesNotFollowTheNewTable() throws Exception {
        GovernedShop shop = SHOP.get();
        assertEquals(List.of(List.of(1L), List.of(3L)), shop.rows("carol", "SELECT id FROM " + LINK + " ORDER BY id"));
        try (Connection carol = shop.connect("carol"); PreparedStatement prepared = carol.prepareStatement("SELECT id FROM " + LINK + " ORDER BY id")) {
            TableIdentifier orders = TableIdentifier.of(Namespace.of("sales"), "orders");
            try (JdbcCatalog catalog = shop.catalog("shop")) {
                assertTrue(catalog.dropTable(orders, false));
                Table recreated = IcebergTestTables.create(catalog, orders, GovernedShop.ORDERS_SCHEMA,
                        PartitionSpec.builderFor(GovernedShop.ORDERS_SCHEMA).identity("region").build(), Map.of("format-version", "2"));
                IcebergTestTables.append(recreated, List.of(GovernedShop.order(9, "EU", "new@example.com", "4999999999999999", 5, 9, "new", "Nice", "06000")));
            }
            assertEquals(List.of(List.of(9L)), shop.rows("gov", "SELECT id FROM shop.sales.orders"), "the new table is there");

            SQLException dangling = shop.failure("carol", "SELECT id FROM " + LINK);
            SQLException missing = shop.failure("carol", "SELECT id FROM analytics.sales.ordres");
            assertEquals("TABLE_NOT_FOUND", code(dangling), fullMessage(dangling));
            assertEquals(fullMessage(missing).replace("ordres", "orders"), fullMessage(dangling), "for users a dangling link is a missing table");
            assertEquals("TABLE_NOT_FOUND", code(shop.failure("dave", "SELECT id FROM bi.copy.orders")), "and so is a link to it");
            SQLException stale = assertThrows(SQLException.class, () -> {
                try (ResultSet rows = prepared.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(1);
                    }
                }
            });
            assertEquals("TABLE_NOT_FOUND", code(stale), "a statement prepared before never reads the new table: " + fullMessage(stale));
            assertFalse(fullMessage(stale).contains("shop.sales"), fullMessage(stale));

            assertFalse(ResourceLinksIT.linkStatuses("carol", shop).containsKey(LINK), "users do not list it");
            assertEquals("LINK DANGLING shop.sales.orders", ResourceLinksIT.linkStatuses("olga", shop).get(LINK), "its owner sees it dangling");

            shop.server.rebindLinks();
            assertEquals(List.of(List.of(9L)), shop.rows("carol", "SELECT id FROM " + LINK), "bound again, it reaches the new table");
            try (ResultSet rows = prepared.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(9L, rows.getLong(1), "and the prepared statement is planned again");
            }
        }
    }

    @Test
    void theServerDoesNotStartWithAReGrantThatExceedsItsGrantor() throws Exception {
        Path directory = Files.createTempDirectory("meshgate-links-");
        try {
            GovernedShop.Additions exceeding = new GovernedShop.Additions(ResourceLinksIT.ADDITIONS.users(),
                    Map.of("links.yaml", ResourceLinksIT.LINK_POLICY, "zz-wide.yaml", """
                            grants:
                              - id: consumers-notes
                                to: {groups: [consumers]}
                                permissions: [SELECT]
                                on: {table: analytics.sales.orders}
                                columns: {include: [id, notes]}
                            """),
                    ResourceLinksIT.LINKS_CONFIG);
            ConfigException refused = assertThrows(ConfigException.class, () -> GovernedShop.start(directory, exceeding).close());
            assertEquals(1, refused.errors().size(), refused.getMessage());
            String error = refused.errors().get(0).toString();
            assertTrue(error.startsWith("zz-wide.yaml:2: policies: [grant-exceeds-grantor] grant 'consumers-notes' on link analytics.sales.orders"
                    + " exceeds its grantor, the link's owner: it shows column(s) notes, which the owner does not see"), error);
        } finally {
            TempFolders.delete(directory);
        }
    }
}
