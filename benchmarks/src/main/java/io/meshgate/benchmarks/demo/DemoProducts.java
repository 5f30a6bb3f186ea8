package io.meshgate.benchmarks.demo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The demo's product files, in the data directory's {@value #DIRECTORY_NAME} folder that
 * {@code meshgate.yaml} points at. Each table describes itself in its properties; the file
 * overrides them where a product's life changed: {@value #DEPRECATED} is deprecated, with its
 * sunset a year after the mesh was generated. It also declares two contracts: {@value #KEPT_CONTRACT}'s
 * holds, {@value #FAILING_CONTRACT}'s freshness rule fails.
 */
final class DemoProducts {
    static final String DIRECTORY_NAME = "products";
    static final String FILE_NAME = "lifecycle.yaml";
    static final String DEPRECATED = "supply.inventory.partsupp";
    /** A product whose contract holds. */
    static final String KEPT_CONTRACT = "commerce.sales.orders";
    /** A product whose contract's freshness rule fails. */
    static final String FAILING_CONTRACT = "customer.crm.region";

    private DemoProducts() {
    }

    /** Writes the product file into {@code dataDir}/{@value #DIRECTORY_NAME}, which it creates; returns that folder. */
    static Path write(Path dataDir, LocalDate sunset) {
        Path directory = dataDir.resolve(DIRECTORY_NAME);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(FILE_NAME), render(sunset), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo product files to " + directory, e);
        }
        return directory;
    }

    static String render(LocalDate sunset) {
        requireNonNull(sunset, "sunset is null");
        return """
                # What changed in the life of the demo's data products, and the contracts two of them
                # keep. Each table describes itself in its meshgate.* properties (owner, contact,
                # description, SLA, version, access); an entry here overrides them field by field.
                # ./meshgate contract check checks the contracts; ./meshgate demo runs it at every start.
                products:
                  - name: %s
                    status: deprecated
                    sunset: %s
                    version: "1.5"
                    description: "Which supplier offers which part, with the quantity available and the supply cost. \
                Deprecated: read part and supplier instead."

                  - name: %s
                    contract:
                      schema:
                        compatibility: backward
                        columns:
                          o_orderkey: bigint not null
                          o_custkey: bigint not null
                          o_orderstatus: varchar not null
                          o_totalprice: decimal(12,2) not null
                          o_orderdate: date not null
                      quality:
                        - not_null: [o_orderkey, o_custkey]
                        - unique: [o_orderkey]
                        - accepted_values: {column: o_orderstatus, values: [F, O, P]}
                        - range: {column: o_totalprice, min: 0}
                        - row_count: {min: 1}

                  # The regions change once in a geological age, yet this contract asks for a snapshot
                  # at most a second old: its freshness rule fails, to show what a broken contract
                  # looks like in the output, in mesh.meta.contracts and in the portal.
                  - name: %s
                    contract:
                      quality:
                        - row_count: {min: 5, max: 5}
                        - freshness: {max_age: 1s}
                """.formatted(DEPRECATED, sunset, KEPT_CONTRACT, FAILING_CONTRACT);
    }
}
