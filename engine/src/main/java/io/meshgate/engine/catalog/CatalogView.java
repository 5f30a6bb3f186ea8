package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.policy.Governance;
import io.meshgate.error.ErrorCategory;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.ColumnAccess;
import io.meshgate.policy.eval.TagAssignments;
import io.meshgate.spi.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mesh as one principal sees it (R2): tables it may not DESCRIBE do not exist, their columns
 * are only the visible ones, and domains and schemas are listed only when they hold a visible
 * table. Listings and query planning both go through here, so they cannot disagree. A domain whose
 * source cannot be reached (an EXTERNAL error) is left out of listings, with a warning in the log,
 * so that one database that is down does not break the listing of the rest of the mesh; queries on
 * it still fail with the source's error.
 */
public final class CatalogView {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogView.class);

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
        return mesh.domain(domain).map(d -> listed(d, d::schemaNames).stream().filter(s -> !tables(domain, s, name -> true).isEmpty())
                .toList()).orElse(List.of());
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
            for (String schema : mesh.domain(domainName).map(d -> listed(d, d::schemaNames)).orElse(List.of())) {
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
        for (TableMetadata raw : listed(domain.get(), () -> domain.get().listedTables(schema, nameFilter))) {
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

    /**
     * The effective tags of a table this view returned, and of its visible columns only: tags of
     * hidden columns would name them.
     */
    public TagAssignments tags(VisibleTable table) {
        requireNonNull(table, "table is null");
        return governance.tags(table.domain().name(), table.schema(), table.name(), table.raw())
                .onlyColumns(column -> table.decision().column(column).isPresent());
    }

    /** What {@code listing} lists, or nothing when the domain's source cannot be reached. */
    private static <T> List<T> listed(Domain domain, Supplier<List<T>> listing) {
        try {
            return listing.get();
        } catch (MeshgateException e) {
            if (e.code().category() != ErrorCategory.EXTERNAL) {
                throw e;
            }
            LOG.warn("Listing leaves out domain '{}': {}", domain.name(), e.getMessage());
            return List.of();
        }
    }

    private Optional<VisibleTable> visible(Domain domain, String schema, String name, TableMetadata raw) {
        AccessDecision decision = governance.decide(principal, domain.name(), schema, name, raw);
        if (!decision.visible()) {
            return Optional.empty();
        }
        return Optional.of(new VisibleTable(domain, schema, name, raw.withSchema(visibleSchema(raw, decision)), raw, decision));
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
