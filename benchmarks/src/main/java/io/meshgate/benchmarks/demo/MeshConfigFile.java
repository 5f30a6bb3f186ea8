package io.meshgate.benchmarks.demo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes {@code meshgate.yaml}, the server configuration that serves the demo mesh: the demo
 * users, the policy folder, the product folder, a HASH key made for this data directory alone, the
 * audit log, the three domains and the analytics domain's resource links.
 */
final class MeshConfigFile {
    static final String FILE_NAME = "meshgate.yaml";
    static final String AUDIT_FILE_NAME = "audit.jsonl";
    static final int HASH_KEY_BYTES = 32;

    /** A demo user; its password is its name, stored as a bcrypt hash (cost 10) computed once. */
    record DemoUser(String name, String bcrypt, List<String> groups) {
        DemoUser {
            requireNonNull(name, "name is null");
            requireNonNull(bcrypt, "bcrypt is null");
            groups = List.copyOf(requireNonNull(groups, "groups is null"));
        }
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "$2a$10$HImDTwy6/6cKLAo/4ehA7./iYH.B5hSjTbONirPMe1/W8IxsKlHeO", List.of("governance")),
            new DemoUser("ana", "$2a$10$rAlEWckUjK1EFTUf73AgceasyByIbgaFNNjbDwjGY55VTn5fWqMUW", List.of("analysts")),
            new DemoUser("sam", "$2a$10$373BuM4hu7/cri2cHT9fte3ZUOCcISlqbufFkAIOIw2yHIs7VVJ..", List.of("sales")),
            new DemoUser("fred", "$2a$10$1kSCHwwD1Foe0mNi.pV2iuUI/PXfeh9k05G3A7/GlDyn7Yngu1zea", List.of("analysts", "fraud")));

    /**
     * The consumer domain {@code analytics}: resource links to commerce's sales schema and to
     * customer's customer table, owned by {@code analytics-team} (the grants are in the policy
     * file {@code links.yaml}).
     */
    static final String LINKS = """
            links:
              - {name: analytics.sales, target: commerce.sales, owner: {groups: [analytics-team]}}
              - {name: analytics.crm.customer, target: customer.crm.customer, owner: {groups: [analytics-team]}}
            """;

    private MeshConfigFile() {
    }

    /** Writes the file with a new random HASH key: the key exists only in this data directory. */
    static Path write(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.writeString(file, render(dataDir, newHashKey()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    static String render(Path dataDir, String hashKey) {
        StringBuilder yaml = new StringBuilder()
                .append("# The Meshgate demo. Users: ").append(String.join(", ", USERS.stream().map(DemoUser::name).toList()))
                .append("; each one's password is its name.\n")
                .append("server: {host: 127.0.0.1, port: 31337}\n")
                .append("auth:\n")
                .append("  users:\n");
        for (DemoUser user : USERS) {
            yaml.append("    - {name: ").append(user.name()).append(", password: {bcrypt: ").append(quoted(user.bcrypt()))
                    .append("}, groups: [").append(String.join(", ", user.groups())).append("]}\n");
        }
        yaml.append("policies: ").append(DemoPolicies.DIRECTORY_NAME).append('\n')
                .append("products: ").append(DemoProducts.DIRECTORY_NAME).append('\n')
                .append("policy-hash-key: ").append(quoted(hashKey)).append('\n')
                .append("audit: {file: ").append(AUDIT_FILE_NAME).append("}\n")
                .append("domains:\n");
        for (DemoDomain domain : DemoDomain.values()) {
            yaml.append("  - name: ").append(domain.domainName()).append('\n')
                    .append("    catalog: {type: jdbc, uri: ").append(quoted(domain.catalogUri(dataDir)))
                    .append(", catalog-name: ").append(domain.domainName())
                    .append(", warehouse: ").append(quoted(domain.warehouseUri(dataDir))).append("}\n")
                    .append("    schemas:\n")
                    .append("      - {name: ").append(domain.schema()).append(", namespace: ").append(domain.domainName()).append("}\n");
        }
        return yaml.append(LINKS).toString();
    }

    /** {@value #HASH_KEY_BYTES} random bytes in hex. */
    static String newHashKey() {
        byte[] key = new byte[HASH_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
