package io.meshgate.engine.meta;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.catalog.MeshCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The system tables of the mesh, {@code mesh.meta.<name>}: queryable like any table by every
 * principal (each sees its own rows), read-only, and listed with the type {@value #TABLE_TYPE}.
 */
public final class SystemTables {
    /** The catalog the system tables are in; no domain may be named so. */
    public static final String CATALOG = MeshCatalog.RESERVED_CATALOG;
    /** The schema the system tables are in. */
    public static final String SCHEMA = "meta";
    /** The table type listings give system tables. */
    public static final String TABLE_TYPE = "SYSTEM TABLE";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final TreeMap<String, SystemTable> tables = new TreeMap<>();

    /** @throws IllegalArgumentException when two tables share a name or a name is not a lower-case identifier */
    public SystemTables(List<SystemTable> tableList) {
        requireNonNull(tableList, "tableList is null");
        for (SystemTable table : tableList) {
            if (!NAME.matcher(table.name()).matches()) {
                throw new IllegalArgumentException("Cannot add system table '" + table.name() + "': its name must be a lower-case identifier");
            }
            if (tables.putIfAbsent(table.name(), table) != null) {
                throw new IllegalArgumentException("Cannot add system table '" + table.name() + "': there is one of that name already");
            }
        }
    }

    /** {@code mesh.meta.products}, {@code columns}, {@code freshness}, {@code links} and {@code lineage}. */
    public static SystemTables standard() {
        return new SystemTables(List.of(new ProductsTable(), new ColumnsTable(), new FreshnessTable(), new LinksTable(), new LineageTable()));
    }

    /** These tables and {@code table}. */
    public SystemTables with(SystemTable table) {
        List<SystemTable> all = new ArrayList<>(tables.values());
        all.add(requireNonNull(table, "table is null"));
        return new SystemTables(all);
    }

    /** Every system table, by name. */
    public List<SystemTable> tables() {
        return List.copyOf(tables.values());
    }

    public Optional<SystemTable> table(String name) {
        return Optional.ofNullable(tables.get(requireNonNull(name, "name is null")));
    }

    /** {@code mesh.meta.name}. */
    public static String qualifiedName(SystemTable table) {
        return CATALOG + "." + SCHEMA + "." + table.name();
    }
}
