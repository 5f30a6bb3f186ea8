package io.meshgate.benchmarks.demo;

import static java.util.Objects.requireNonNull;

import io.meshgate.connector.iceberg.JdbcCatalogSpec;
import io.meshgate.connector.iceberg.S3Options;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One domain of the demo mesh: a team with its own Iceberg catalog (a SQLite file) and its own
 * warehouse folder, as if each were a separate account. The catalog and the Iceberg namespace are
 * named after the domain; the mesh exposes the namespace under {@link #schema()}. The team owns
 * the domain's data products: {@link #owner()} answers for them, {@link #contact()} takes
 * questions and access requests.
 */
enum DemoDomain {
    COMMERCE("commerce", "sales", "commerce-team"),
    CUSTOMER("customer", "crm", "customer-team"),
    SUPPLY("supply", "inventory", "supply-team");

    private final String domainName;
    private final String schema;
    private final String owner;

    DemoDomain(String domainName, String schema, String owner) {
        this.domainName = requireNonNull(domainName, "domainName is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.owner = requireNonNull(owner, "owner is null");
    }

    /** The domain name, which is also its catalog name and its Iceberg namespace. */
    String domainName() {
        return domainName;
    }

    /** The schema name the mesh shows for this domain's namespace. */
    String schema() {
        return schema;
    }

    /** The team that owns the domain's products. */
    String owner() {
        return owner;
    }

    /** Where to ask about the domain's products. */
    String contact() {
        return owner + "@example.com";
    }

    /** How to get access to the domain's products. */
    String access() {
        return "Ask " + contact() + " for read access (the analysts group sees every internal column)";
    }

    Path directory(Path dataDir) {
        return dataDir.resolve(domainName);
    }

    Path catalogFile(Path dataDir) {
        return directory(dataDir).resolve("catalog.db");
    }

    Path warehouseDirectory(Path dataDir) {
        return directory(dataDir).resolve("warehouse");
    }

    String catalogUri(Path dataDir) {
        return "jdbc:sqlite:" + catalogFile(dataDir).toAbsolutePath();
    }

    /** The warehouse as a {@code file:} URI without a trailing slash. */
    String warehouseUri(Path dataDir) {
        String uri = warehouseDirectory(dataDir).toAbsolutePath().toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    JdbcCatalogSpec catalogSpec(Path dataDir) {
        return new JdbcCatalogSpec(catalogUri(dataDir), Optional.empty(), Optional.empty(), domainName,
                warehouseUri(dataDir), S3Options.defaults());
    }
}
