package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.policy.Governance;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.ColumnAccess;
import io.meshgate.spi.TableMetadata;
import java.util.List;
import java.util.Optional;
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
        return mesh.domain(domain).map(d -> d.schemaNames().stream().filter(s -> !tableNames(domain, s).isEmpty()).toList())
                .orElse(List.of());
    }

    /** The visible tables of one schema, sorted. */
    public List<String> tableNames(String domain, String schema) {
        return mesh.domain(domain).map(d -> d.tableNames(schema).stream()
                .filter(t -> table(domain, schema, t).isPresent()).sorted().toList()).orElse(List.of());
    }

    /** The table if it exists and is visible to the principal. */
    public Optional<VisibleTable> table(String domainName, String schema, String name) {
        Optional<Domain> domain = mesh.domain(domainName);
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        return domain.get().table(schema, name).flatMap(raw -> {
            AccessDecision decision = governance.decide(principal, domainName, schema, name, raw);
            if (!decision.visible()) {
                return Optional.empty();
            }
            return Optional.of(new VisibleTable(domain.get(), schema, name, raw.withSchema(visibleSchema(raw, decision)), raw, decision));
        });
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
