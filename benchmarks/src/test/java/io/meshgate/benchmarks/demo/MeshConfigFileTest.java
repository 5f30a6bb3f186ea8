package io.meshgate.benchmarks.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MeshConfigFileTest {
    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void eachDemoUsersHashIsThatOfItsName() {
        for (MeshConfigFile.DemoUser user : MeshConfigFile.USERS) {
            assertTrue(BCrypt.verifyer().verify(user.name().toCharArray(), user.bcrypt().toCharArray()).verified, user.name());
            assertFalse(BCrypt.verifyer().verify((user.name() + "x").toCharArray(), user.bcrypt().toCharArray()).verified, user.name());
        }
    }

    @Test
    void demoUsersHaveTheirGroups() {
        Map<String, List<String>> groups = MeshConfigFile.USERS.stream()
                .collect(Collectors.toMap(MeshConfigFile.DemoUser::name, MeshConfigFile.DemoUser::groups));
        assertEquals(Map.of("admin", List.of("governance"), "ana", List.of("analysts"), "sam", List.of("sales"),
                "fred", List.of("analysts", "fraud")), groups);
    }

    @Test
    void configurationNamesUsersPoliciesKeyAuditDomainsAndLinks() {
        String yaml = MeshConfigFile.render(Path.of("/data/mesh"), KEY);
        String expected = """
                # The Meshgate demo. Users: admin, ana, sam, fred; each one's password is its name.
                server: {host: 127.0.0.1, port: 31337}
                auth:
                  users:
                    - {name: admin, password: {bcrypt: "%s"}, groups: [governance]}
                    - {name: ana, password: {bcrypt: "%s"}, groups: [analysts]}
                    - {name: sam, password: {bcrypt: "%s"}, groups: [sales]}
                    - {name: fred, password: {bcrypt: "%s"}, groups: [analysts, fraud]}
                policies: policies
                products: products
                policy-hash-key: "%s"
                audit: {file: audit.jsonl}
                domains:
                  - name: commerce
                    catalog: {type: jdbc, uri: "jdbc:sqlite:/data/mesh/commerce/catalog.db", catalog-name: commerce, warehouse: "file:///data/mesh/commerce/warehouse"}
                    schemas:
                      - {name: sales, namespace: commerce}
                  - name: customer
                    catalog: {type: jdbc, uri: "jdbc:sqlite:/data/mesh/customer/catalog.db", catalog-name: customer, warehouse: "file:///data/mesh/customer/warehouse"}
                    schemas:
                      - {name: crm, namespace: customer}
                  - name: supply
                    catalog: {type: jdbc, uri: "jdbc:sqlite:/data/mesh/supply/catalog.db", catalog-name: supply, warehouse: "file:///data/mesh/supply/warehouse"}
                    schemas:
                      - {name: inventory, namespace: supply}
                links:
                  - {name: analytics.sales, target: commerce.sales, owner: {groups: [analytics-team]}}
                  - {name: analytics.crm.customer, target: customer.crm.customer, owner: {groups: [analytics-team]}}
                """.formatted(hash("admin"), hash("ana"), hash("sam"), hash("fred"), KEY);
        assertEquals(expected, yaml);
    }

    @Test
    void hashKeysAreRandomHexOfThirtyTwoBytes() {
        String first = MeshConfigFile.newHashKey();
        assertTrue(first.matches("[0-9a-f]{64}"), first);
        assertNotEquals(first, MeshConfigFile.newHashKey());
    }

    private static String hash(String user) {
        return MeshConfigFile.USERS.stream().filter(u -> u.name().equals(user)).findFirst().orElseThrow().bcrypt();
    }
}
