package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.policy.Governance;
import io.meshgate.error.ErrorCategory;
import io.meshgate.error.MeshgateException;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.ColumnAccess;
import io.meshgate.policy.eval.TagAssignments;
import io.meshgate.policy.eval.ResolvedPrincipal;
import io.meshgate.spi.TableMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mesh as one principal sees it (R2): tables it may not DESCRIBE do not exist, their columns
 * are only the visible ones, and domains and schemas are listed only when they hold a visible
 * table. Listings and query planning both go through here, so they cannot disagree. A domain
 * whose source cannot be reached (an EXTERNAL error) is left out of listings, with a warning in the
 * log, so that one database that is down does not break the listing of the rest of the mesh;
 * queries on it still fail with the source's error.
 *
 * <p>Resource links (POLICY.md section 4) live in domains of links only. A name a link gives
 * exists for the principal when it may read through it ({@link #linkedTable}); its owner also sees
 * it listed whatever its status ({@link #links}). A link that cannot be resolved never keeps the
 * rest of the catalog from being listed.
 */
public final class CatalogView {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogView.class);

    private final MeshCatalog mesh;
    private final Governance governance;
    private final Principal principal;
    private final LinkAccess linkAccess;
    private ResolvedPrincipal resolved;

    public CatalogView(MeshCatalog mesh, Governance governance, Principal principal) {
        this.mesh = requireNonNull(mesh, "mesh is null");
        this.governance = requireNonNull(governance, "governance is null");
        this.principal = requireNonNull(principal, "principal is null");
        this.linkAccess = new LinkAccess(governance, mesh.products());
    }

    /** Domains holding at least one visible table or listed link, in configuration order (domains of links last). */
    public List<String> domainNames() {
        return Stream.concat(mesh.domainNames().stream(), mesh.links().domainNames().stream())
                .filter(d -> !schemaNames(d).isEmpty()).toList();
    }

    /** Schemas of {@code domain} holding at least one visible table or listed link. */
    public List<String> schemaNames(String domain) {
        if (mesh.links().isLinkDomain(domain)) {
            return mesh.links().schemaNames(domain).stream()
                    .filter(s -> !links(Optional.of(domain), s::equals, name -> true).isEmpty()).toList();
        }
        return mesh.domain(domain).map(d -> listed(d, d::schemaNames).stream().filter(s -> !tables(domain, s, name -> true).isEmpty())
                .toList()).orElse(List.of());
    }

    /** The visible tables of one schema, sorted; for a schema of links, the names listed to the principal. */
    public List<String> tableNames(String domain, String schema) {
        if (mesh.links().isLinkDomain(domain)) {
            return links(Optional.of(domain), schema::equals, name -> true).stream().map(l -> l.name().table().orElseThrow()).toList();
        }
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

    /** True when {@code domain} is a domain of resource links. */
    public boolean isLinkDomain(String domain) {
        return mesh.links().isLinkDomain(domain);
    }

    /**
     * For planning: what the principal reads through the link name {@code domain.schema.name},
     * empty when the name is not bound, is DANGLING, CYCLE or UNAVAILABLE, or the principal may not
     * see through it, exactly as for a table that does not exist. Its {@link VisibleTable#link()}
     * holds the layers under the principal's own decision.
     */
    public Optional<VisibleTable> linkedTable(String domain, String schema, String name) {
        Optional<Links.LinkedName> linked = mesh.links().name(domain, schema, name);
        if (linked.isEmpty()) {
            return Optional.empty();
        }
        Links.Resolution resolution = mesh.links().resolve(linked.get());
        if (resolution.status() != LinkStatus.OK) {
            return Optional.empty();
        }
        return linkAccess.read(principal, linked.get().name(), linked.get().hops(), resolution.domain().orElseThrow(),
                linked.get().target().orElseThrow(), resolution.table().orElseThrow());
    }

    /**
     * For listings: the link names of every domain of links ({@code domain} empty) or of one, in
     * the schemas and with the names the filters accept, sorted by name: those the principal may
     * read through, and those of links it owns whatever their status. Each is resolved on its own:
     * one that fails is UNAVAILABLE to its owner and hidden from everyone else.
     */
    public List<VisibleLink> links(Optional<String> domain, Predicate<String> schemaFilter, Predicate<String> tableFilter) {
        List<VisibleLink> listed = new ArrayList<>();
        for (Links.LinkedName linked : mesh.links().names(domain, schemaFilter, tableFilter)) {
            boolean owner = linked.link().owner().includes(resolved());
            try {
                Links.Resolution resolution = mesh.links().resolve(linked);
                Optional<VisibleTable> table = resolution.status() == LinkStatus.OK
                        ? linkAccess.read(principal, linked.name(), linked.hops(), resolution.domain().orElseThrow(), linked.target().orElseThrow(),
                                resolution.table().orElseThrow())
                        : Optional.empty();
                if (owner || table.isPresent()) {
                    listed.add(new VisibleLink(linked.name(), linked.link().isSchemaLink(), resolution.status(), shownTarget(linked, owner), table));
                }
            } catch (RuntimeException e) {
                LOG.warn("Cannot resolve link {} for {}: {}", linked.name(), principal.name(), e.toString());
                if (owner) {
                    listed.add(new VisibleLink(linked.name(), linked.link().isSchemaLink(), LinkStatus.UNAVAILABLE, shownTarget(linked, true), Optional.empty()));
                }
            }
        }
        return listed;
    }

    /** The links the principal owns, as last bound, for its owner's and governance's views of them. */
    public List<LinkBinding> ownedLinks() {
        return mesh.links().bindings().stream().filter(binding -> binding.link().owner().includes(resolved())).toList();
    }

    /** The target of a link name: to its owner, and to whoever sees that table directly (R2). */
    private Optional<String> shownTarget(Links.LinkedName linked, boolean owner) {
        Link link = linked.link();
        ObjectName configured = link.isSchemaLink() ? link.target().child(linked.name().table().orElseThrow()) : link.target();
        ObjectName target = linked.target().orElse(configured);
        if (owner) {
            return Optional.of(target.qualifiedName());
        }
        boolean visible = !mesh.links().isLinkDomain(target.domain())
                && table(target.domain(), target.schema(), target.table().orElseThrow()).isPresent();
        return visible ? Optional.of(target.qualifiedName()) : Optional.empty();
    }

    private ResolvedPrincipal resolved() {
        if (resolved == null) {
            resolved = governance.policy().resolve(principal);
        }
        return resolved;
    }

    private Optional<VisibleTable> visible(Domain domain, String schema, String name, TableMetadata raw) {
        AccessDecision decision = governance.decide(principal, domain.name(), schema, name, raw);
        if (!decision.visible()) {
            return Optional.empty();
        }
        return Optional.of(new VisibleTable(domain, schema, name, raw.withSchema(visibleSchema(raw, decision)), raw, decision,
                mesh.products().of(domain.name(), schema, name, raw.properties())));
    }

    /** The columns of {@code input} that {@code decision} shows, in order; nullable where cells may be masked or nulled. */
    static Schema visibleSchema(TableMetadata input, AccessDecision decision) {
        List<Field> fields = input.schema().getFields().stream()
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
