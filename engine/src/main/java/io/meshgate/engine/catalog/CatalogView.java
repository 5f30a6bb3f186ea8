package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.policy.Governance;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.ColumnAccess;
import io.meshgate.policy.eval.TagValues;
import io.meshgate.spi.TableMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The mesh as one principal sees it (R2): tables it may not DESCRIBE do not exist, their columns
 * are only the visible ones, and domains and schemas are listed only when they hold a visible
 * table. Listings and query planning both go through here, so they cannot disagree.
 */
public final class CatalogView {
    private final MeshCatalog mesh;
    private final Governance governance;
    private final Principal principal;

    public CatalogView(MeshCatalog mesh, Governance governance, Principal principal) {
        this.mesh = requireNonNull(mesh, "mesh is null");
        this.governance = requireNonNull(governance, "governance is null");
        this.principal = requireNonNull(principal, "principal is null");
    }

    /** Domains holding at least one visible table, in configuration order. */
    public List<String> domainNames() {
        return mesh.domainNames().stream().filter(d -> !schemaNames(d).isEmpty()).toList();
    }

    /** Schemas of {@code domain} holding at least one visible table. */
    public List<String> schemaNames(String domain) {
        return mesh.domain(domain).map(d -> d.schemaNames().stream().filter(s -> !tables(domain, s, name -> true).isEmpty()).toList())
                .orElse(List.of());
    }

    /** The visible tables of one schema, sorted. */
    public List<String> tableNames(String domain, String schema) {
        return tables(domain, schema, name -> true).stream().map(VisibleTable::name).toList();
    }

    /**
     * For listings: the visible tables of every domain ({@code domain} empty) or of one, in the
     * schemas whose names {@code schemaFilter} accepts, whose names {@code tableFilter} accepts; in
     * configuration order of domains and schemas, sorted by name within a schema. One walk of the
     * mesh, deciding access once per table that passes the filters.
     */
    public List<VisibleTable> tables(Optional<String> domain, Predicate<String> schemaFilter, Predicate<String> tableFilter) {
        List<VisibleTable> tables = new ArrayList<>();
        for (String domainName : domain.map(List::of).orElseGet(mesh::domainNames)) {
            for (String schema : mesh.domain(domainName).map(Domain::schemaNames).orElse(List.of())) {
                if (schemaFilter.test(schema)) {
                    tables.addAll(tables(domainName, schema, tableFilter));
                }
            }
        }
        return tables;
    }

    /**
     * For listings: the visible tables of one schema whose names {@code nameFilter} accepts, sorted
     * by name. Names are filtered before access is decided, and tables are described as the
     * connector lists them ({@link io.meshgate.spi.Connector#listedTable}), which may be a little
     * behind the source; a query always plans with {@link #table}.
     */
    public List<VisibleTable> tables(String domainName, String schema, Predicate<String> nameFilter) {
        Optional<Domain> domain = mesh.domain(domainName);
        if (domain.isEmpty()) {
            return List.of();
        }
        List<VisibleTable> tables = new ArrayList<>();
        for (TableMetadata raw : domain.get().listedTables(schema, nameFilter)) {
            visible(domain.get(), schema, raw.name().table(), raw).ifPresent(tables::add);
        }
        return tables;
    }

    /** The table if it exists and is visible to the principal, described at its current snapshot. */
    public Optional<VisibleTable> table(String domainName, String schema, String name) {
        Optional<Domain> domain = mesh.domain(domainName);
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        return domain.get().table(schema, name).flatMap(raw -> visible(domain.get(), schema, name, raw));
    }

    private Optional<VisibleTable> visible(Domain domain, String schema, String name, TableMetadata raw) {
        AccessDecision decision = governance.decide(principal, domain.name(), schema, name, raw);
        if (!decision.visible()) {
            return Optional.empty();
        }
        return Optional.of(new VisibleTable(domain, schema, name, raw.withSchema(visibleSchema(raw, decision)), raw, decision,
                mesh.products().of(domain.name(), schema, name, raw.properties())));
    }

    /**
     * The effective tags of a table this view gave out and of its visible columns only (a hidden
     * column's tags are not shown).
     */
    public TagValues tags(VisibleTable table) {
        TagValues all = governance.tags(table.domain().name(), table.schema(), table.name(), table.raw());
        Map<String, Map<String, Set<String>>> columns = new LinkedHashMap<>();
        for (Field field : table.metadata().schema().getFields()) {
            columns.put(field.getName(), all.column(field.getName()));
        }
        return new TagValues(all.table(), columns);
    }

    private static Schema visibleSchema(TableMetadata raw, AccessDecision decision) {
        List<Field> fields = raw.schema().getFields().stream()
                .filter(f -> decision.column(f.getName()).isPresent())
                .map(f -> decision.column(f.getName()).filter(ColumnAccess::plain).isPresent() ? f : nullable(f))
                .toList();
        return new Schema(fields);
    }

    /** A column that may be nulled or masked is nullable whatever the table says. */
    private static Field nullable(Field field) {
        return field.isNullable() ? field
                : new Field(field.getName(), new FieldType(true, field.getType(), field.getDictionary(), field.getMetadata()), field.getChildren());
    }
}
